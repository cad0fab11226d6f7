using System.Text.Json;
using System.Text.Json.Serialization;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;

namespace Lianhu.Web.Features.Alarms;

/// <summary>
/// The one-key alarm's policy (<c>config/policies/alarms.json</c>, ADR 0034): the acknowledgement time
/// before an alert escalates, the PIN lockout, how long a right PIN keeps her phone unlocked, the window
/// in which presses join one alert, the rate limit on alarm links and the agency types an alert goes to.
/// Read strictly at start: an unknown member or a value out of range names the file and stops the start.
/// </summary>
public sealed record AlarmPolicy(
    int Version, int AcknowledgeMinutes, int PinAttempts, int LockMinutes, int UnlockDays, int SamePressSeconds, int RequestsPerMinute, IReadOnlyList<AgencyType> Responders)
{
    public TimeSpan AcknowledgeWithin => TimeSpan.FromMinutes(AcknowledgeMinutes);

    public TimeSpan LockFor => TimeSpan.FromMinutes(LockMinutes);

    public TimeSpan UnlockFor => TimeSpan.FromDays(UnlockDays);

    public TimeSpan SamePress => TimeSpan.FromSeconds(SamePressSeconds);

    private sealed record Document(
        string? Note, int Version, int AcknowledgeMinutes, int PinAttempts, int LockMinutes, int UnlockDays, int SamePressSeconds, int RequestsPerMinute, string[] Responders);

    private static readonly JsonSerializerOptions Strict = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        RespectRequiredConstructorParameters = true,
    };

    public static AlarmPolicy Load(string path)
    {
        var name = Path.GetFileName(path);
        Document document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Strict) ?? throw new InvalidDataException($"{name}: empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{name}: {ex.Path}: {ex.Message}", ex);
        }

        Check(name, "acknowledgeMinutes", document.AcknowledgeMinutes, 1, 240);
        Check(name, "pinAttempts", document.PinAttempts, 1, 20);
        Check(name, "lockMinutes", document.LockMinutes, 1, 1440);
        Check(name, "unlockDays", document.UnlockDays, 0, 366);
        Check(name, "samePressSeconds", document.SamePressSeconds, 0, 3600);
        Check(name, "requestsPerMinute", document.RequestsPerMinute, 5, 10000);
        var responders = new List<AgencyType>();
        foreach (var type in document.Responders ?? [])
        {
            responders.Add(StableName.TryParse<AgencyType>(type, out var parsed) ? parsed : throw new InvalidDataException($"{name}: $.responders: unknown agency type '{type}'"));
        }

        return responders.Count == 0
            ? throw new InvalidDataException($"{name}: $.responders: at least one agency type")
            : new AlarmPolicy(document.Version, document.AcknowledgeMinutes, document.PinAttempts, document.LockMinutes, document.UnlockDays, document.SamePressSeconds, document.RequestsPerMinute, responders);
    }

    private static void Check(string file, string member, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new InvalidDataException($"{file}: $.{member}: {value} is outside {min}–{max}");
        }
    }
}
