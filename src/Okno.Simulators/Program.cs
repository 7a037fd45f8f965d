namespace Okno.Simulators;

/// <summary>Runs every platform stand-in on one port for manual testing: dotnet run --project src/Okno.Simulators -- 5080</summary>
public static class SimulatorProgram
{
    public static async Task Main(string[] args)
    {
        var port = args.Length > 0 && int.TryParse(args[0], out var p) ? p : 5080;
        await using var host = await SimulatorHost.StartAsync(port);
        Console.WriteLine($"Okno simulators listening on {host.BaseUrl}");
        Console.WriteLine($"  Telegram Bot API: {host.UrlOf("telegram")}");
        Console.WriteLine($"  VK API:           {host.UrlOf("vk")}");
        Console.WriteLine($"  MAX Bot API:      {host.UrlOf("max")}");
        var done = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.TrySetResult(); };
        await done.Task;
    }
}
