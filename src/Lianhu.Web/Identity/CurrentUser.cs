using System.Security.Claims;
using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;

namespace Lianhu.Web.Identity;

/// <summary>The acting staff member, read from the authenticated principal's claims.</summary>
public sealed record CurrentUser(
    Guid UserId,
    string UserName,
    Guid AgencyId,
    AgencyType AgencyType,
    DivisionCode Division,
    IReadOnlySet<Role> Roles,
    string? ClientAddress)
{
    private static readonly IReadOnlySet<Guid> None = new HashSet<Guid>();

    /// <summary>The person's name as the administrator entered it (shown in the header instead of the login name).</summary>
    public string DisplayName { get; init; } = string.Empty;

    /// <summary>
    /// The user's case relations that live in the database, loaded on first use: most requests
    /// (an intake, a page of the lead's own cases) never need them, and each costs a query.
    /// </summary>
    private Lazy<CaseRelations>? Relations { get; init; }

    /// <summary>Cases this user holds active emergency (break-glass) access to.</summary>
    public IReadOnlySet<Guid> EmergencyCases => Relations?.Value.EmergencyCases ?? None;

    /// <summary>Cases on which this user's agency holds an open linkage task (the task-holder relation).</summary>
    public IReadOnlySet<Guid> TaskCases => Relations?.Value.TaskCases ?? None;

    /// <summary>
    /// Cases whose protection order names this user's agency as its court or police: for the order's
    /// sake they stand as task holders limited to the legal section (ADR 0013, ADR 0027).
    /// </summary>
    public IReadOnlySet<Guid> OrderCases => Relations?.Value.OrderCases ?? None;

    /// <summary>
    /// For staff of a non-statutory body: per task case, the sections a consent or legal basis in force
    /// shares with it; null for everyone else (the permission table alone decides).
    /// </summary>
    public IReadOnlyDictionary<Guid, IReadOnlySet<CaseSection>>? SharedSections => Relations?.Value.SharedSections;

    /// <summary>
    /// For a city- or district-level bureau: the agencies of its own line within its division whose
    /// cases it supervises (a city police bureau → the police stations and district bureaus of the city).
    /// </summary>
    public IReadOnlySet<Guid> SupervisedAgencies => Relations?.Value.SupervisedAgencies ?? None;

    /// <summary>The same user whose relations are read by <paramref name="load"/> when first asked for (once per request).</summary>
    public CurrentUser WithRelations(Func<CurrentUser, CaseRelations> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        CurrentUser? self = null;
        self = this with { Relations = new Lazy<CaseRelations>(() => load(self!)) };
        return self;
    }

    public bool Has(Role role) => Roles.Contains(role);

    public string PrimaryRole => Roles.Count == 0 ? "none" : StableName.Of(Roles.Min());

    /// <summary>
    /// True for the public door (ADR 0033): a person without an account filing through <c>/help</c>. She
    /// belongs to no agency and has no role; her address is not recorded anywhere.
    /// </summary>
    public bool IsPublic { get; private init; }

    /// <summary>The stable id a case opened through the public door records as its creator (no account has it).</summary>
    public static readonly Guid PublicDoorId = new("00000000-0000-7000-8000-00000000d00a");

    /// <summary>The acting "user" of the public door: no agency, no roles, no address.</summary>
    public static CurrentUser PublicDoor(DivisionCode place) =>
        new(PublicDoorId, "public", Guid.Empty, default, place, new HashSet<Role>(), null) { IsPublic = true };

    public AuditActor AsActor() => IsPublic ? new(null, null, "public", null) : new(UserId, AgencyId, PrimaryRole, ClientAddress);

    /// <summary>Reads the user from claims; null when the principal is not a staff sign-in.</summary>
    public static CurrentUser? From(ClaimsPrincipal principal, string? clientAddress)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(LianhuClaims.AgencyId), out var agencyId)
            || !StableName.TryParse<AgencyType>(principal.FindFirstValue(LianhuClaims.AgencyType), out var type)
            || !DivisionCode.TryParse(principal.FindFirstValue(LianhuClaims.DivisionCode), out var division, out _))
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role)
            .Select(c => StableName.TryParse<Role>(c.Value, out var r) ? r : (Role?)null)
            .OfType<Role>()
            .ToHashSet();
        return new CurrentUser(userId, principal.Identity.Name ?? string.Empty, agencyId, type, division, roles, clientAddress)
        {
            DisplayName = principal.FindFirstValue(LianhuClaims.DisplayName) ?? string.Empty,
        };
    }
}

/// <summary>The database-held relations of a user to cases (see <see cref="CurrentUser"/>).</summary>
public sealed record CaseRelations(
    IReadOnlySet<Guid> EmergencyCases,
    IReadOnlySet<Guid> TaskCases,
    IReadOnlySet<Guid> SupervisedAgencies,
    IReadOnlyDictionary<Guid, IReadOnlySet<CaseSection>>? SharedSections,
    IReadOnlySet<Guid> OrderCases);
