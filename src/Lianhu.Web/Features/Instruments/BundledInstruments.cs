using Lianhu.Domain.Instruments;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Instruments;

/// <summary>The instrument definitions and the risk-handling policy shipped in the build output's <c>config/</c>.</summary>
public static class BundledInstruments
{
    public static string Folder => Path.Combine(LianhuPaths.Config, "instruments");

    public static string RiskHandlingPolicyFile => Path.Combine(LianhuPaths.Config, "policies", "risk-handling.json");

    /// <summary>Every bundled version; throws <see cref="InstrumentDefinitionException"/> on a bad file.</summary>
    public static InstrumentCatalogue Load() => InstrumentCatalogue.LoadDirectory(Folder);

    public static RiskHandlingPolicy LoadRiskHandlingPolicy() => RiskHandlingPolicyJson.LoadFile(RiskHandlingPolicyFile);
}
