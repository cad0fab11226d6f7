using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.Sharing;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;

namespace Lianhu.Web.Features.Sharing;

/// <summary>
/// The consent checks as query predicates (translated to SQL on SQLite and PostgreSQL) and who may
/// see or manage a case's consents: the lead and the supervising centres manage them; a task holder
/// may read them (a non-statutory one sees what it was given).
/// </summary>
public static class ConsentRules
{
    public static bool MayManage(CurrentUser user, Case c) => Steps.CaseGate.Holds(Steps.StepStanding.ConsentManager, user, CaseAccess.RelationTo(user, c));

    public static bool MayRead(CurrentUser user, Case c) => Steps.CaseGate.Holds(Steps.StepStanding.ConsentReader, user, CaseAccess.RelationTo(user, c));
}
