using System.Text.Json.Serialization;

namespace Lianhu.Domain.Cases;

/// <summary>How a case reached the mechanism.</summary>
public enum Channel
{
    /// <summary>110 police alarm.</summary>
    [JsonStringEnumMemberName("police-110")]
    Police110,

    /// <summary>Women's-federation hotline (e.g. 12338).</summary>
    Hotline,

    /// <summary>The victim or a relative walked in to an agency.</summary>
    WalkIn,

    /// <summary>A community grid worker's report.</summary>
    GridReport,

    /// <summary>Mandatory report by a school, hospital, committee or welfare institution (ADVL Art 14).</summary>
    MandatoryReport,

    /// <summary>The victim's own report.</summary>
    SelfReport,
}
