namespace Lianhu.Domain.Access;

/// <summary>The parts a case's data is divided into; each is granted separately (see <see cref="SectionPolicy"/>).</summary>
public enum CaseSection
{
    /// <summary>Who the parties are: names, ID numbers, birth dates.</summary>
    Identity,

    /// <summary>How to reach them and where they are now, including a shelter's address.</summary>
    Contact,

    /// <summary>What happened: summary, forms of violence, injuries, weapons.</summary>
    Incident,

    /// <summary>Risk assessments and levels.</summary>
    Risk,

    /// <summary>Health and medical records.</summary>
    Health,

    /// <summary>Counselling notes.</summary>
    Counselling,

    /// <summary>Legal measures: warning letters, protection orders, proceedings.</summary>
    Legal,

    /// <summary>Children in the household.</summary>
    Children,

    /// <summary>Return visits and their notes: the lead and the agencies holding a visit task record them.</summary>
    Visits,
}

/// <summary>How a user stands to a case; decides which row of the permission table applies.</summary>
public enum CaseRelation
{
    /// <summary>Staff of the lead (first-in-charge) agency.</summary>
    Lead,

    /// <summary>Staff of an agency holding an active task or referral on the case.</summary>
    TaskHolder,

    /// <summary>Staff of a linkage centre whose division contains the case.</summary>
    Supervising,

    /// <summary>The mandatory reporter who filed the case.</summary>
    Reporter,

    /// <summary>Time-limited emergency access with a recorded reason.</summary>
    BreakGlass,

    /// <summary>Anyone else.</summary>
    Unrelated,
}

public enum SectionAccess
{
    None = 0,
    Read = 1,
    Write = 2,
}
