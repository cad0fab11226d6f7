using Lianhu.Domain.Instruments;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Instruments;

/// <summary>The instrument definitions shipped in the build output's <c>config/</c> (the risk-handling policy comes from <c>Features/PolicyFiles/PolicyCatalogue</c>).</summary>
public static class BundledInstruments
{
    public static string Folder => Path.Combine(LianhuPaths.Config, "instruments");

    /// <summary>Every bundled version; throws <see cref="InstrumentDefinitionException"/> on a bad file.</summary>
    public static InstrumentCatalogue Load() => InstrumentCatalogue.LoadDirectory(Folder);
}
