namespace Okno.Web.Hosting;

/// <summary>Commands of the same executable, with the server's configuration: <c>backup --to FILE</c>, <c>restore --from FILE</c>.</summary>
public static class OknoCommands
{
    /// <summary>The command named by the first argument, or null to run the server.</summary>
    public static Func<WebApplication, Task<int>>? Find(string[] args) => args.Length == 0 ? null : args[0] switch
    {
        _ => null,
    };
}
