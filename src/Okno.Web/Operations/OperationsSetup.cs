namespace Okno.Web.Operations;

/// <summary>Running Okno: readiness, metrics (and /healthz, in Hosting).</summary>
public static class OperationsSetup
{
    public static void AddOperations(this WebApplicationBuilder builder) => builder.AddOknoMetrics();

    public static void MapOperationsEndpoints(this WebApplication app)
    {
        app.MapOknoMetrics();
        app.MapReadiness();
    }
}
