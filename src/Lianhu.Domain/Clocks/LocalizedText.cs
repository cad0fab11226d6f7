namespace Lianhu.Domain.Clocks;

/// <summary>A short text in simplified Chinese (zh-CN, the authoritative wording) and English.</summary>
public sealed record LocalizedText(string ZhCn, string En)
{
    /// <summary>"中文 / English", the form used where one combined string is wanted (JSON <c>source</c>).</summary>
    public string Combined => $"{ZhCn} / {En}";
}
