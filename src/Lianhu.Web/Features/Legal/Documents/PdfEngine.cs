using PdfSharp;
using PdfSharp.Fonts;

namespace Lianhu.Web.Features.Legal.Documents;

/// <summary>
/// PDFsharp's process-wide settings, applied once: the CJK font resolver, and the licence. PDFsharp
/// 6.5 must be told its licence: a commercial key from <c>Lianhu:Documents:PdfSharpLicenseKey</c>,
/// otherwise the AGPL-3.0 — which obliges whoever runs Lianhu as a network service to offer its
/// source to its users (ADR 0013: a decision for the project, not for this code).
/// </summary>
public sealed class PdfEngine
{
    private static readonly Lock Gate = new();
    private static bool configured;

    public PdfEngine(IConfiguration configuration)
    {
        var configuredFont = configuration["Lianhu:Documents:FontFile"];
        Fonts = new CjkFontResolver(string.IsNullOrWhiteSpace(configuredFont) ? CjkFontResolver.DefaultCandidates : [configuredFont, .. CjkFontResolver.DefaultCandidates]);
        var key = configuration["Lianhu:Documents:PdfSharpLicenseKey"];
        lock (Gate)
        {
            if (!configured)
            {
                if (string.IsNullOrWhiteSpace(key))
                {
                    PdfSharpLicense.SetAgplLicense();
                }
                else
                {
                    PdfSharpLicense.LoadLicense(key);
                }

                GlobalFontSettings.FontResolver = Fonts;
                configured = true;
            }
        }
    }

    public CjkFontResolver Fonts { get; }
}
