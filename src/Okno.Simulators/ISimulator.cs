using Microsoft.AspNetCore.Routing;

namespace Okno.Simulators;

/// <summary>One platform's stand-in, mapped under /{Prefix} on the simulator host.</summary>
public interface ISimulator
{
    string Prefix { get; }
    /// <summary>Set once the host listens: the apiBaseUrl a channel of this platform should be given.</summary>
    string BaseUrl { get; set; }
    void Map(RouteGroupBuilder group);
}
