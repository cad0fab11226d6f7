namespace Lianhu.Domain.Access;

/// <summary>
/// What a staff member does in their agency. Roles are granted per user; which roles an agency
/// type can hold is policy (<see cref="Organisation.AgencyTypeCatalogue"/>).
/// </summary>
public enum Role
{
    /// <summary>Works cases: intake, records, tasks.</summary>
    Caseworker,

    /// <summary>Heads a unit: approves, reassigns, supervises the cases in the unit's scope.</summary>
    Supervisor,

    /// <summary>Staff of a mandatory-reporting institution (ADVL Art 14): files reports, sees their receipt and status.</summary>
    Reporter,

    /// <summary>Sees aggregate figures only, never a single case.</summary>
    Statistician,

    /// <summary>Reads the audit trail.</summary>
    Auditor,

    /// <summary>Manages agencies, users and configuration; cannot read case content.</summary>
    Sysadmin,
}
