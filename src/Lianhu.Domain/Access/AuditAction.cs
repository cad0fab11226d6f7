using System.Text.Json.Serialization;

namespace Lianhu.Domain.Access;

/// <summary>
/// What an audit event records, grouped by area in numbered blocks (as bitwarden's <c>EventType</c>).
/// Stored and shown by its stable wire name (<c>case.read</c>, <c>clock.complete</c>, …; see
/// <see cref="Common.StableName"/>), which never changes once written: the hash chain and every
/// event's MAC cover it. The numbers are not stored; they only keep areas apart (ADR 0023).
/// </summary>
public enum AuditAction
{
    // Case (1000–): A case: its intake record, reads of it and its views, lead and tier moves.
    [JsonStringEnumMemberName("case.create")]
    CaseCreate = 1000,

    [JsonStringEnumMemberName("case.read")]
    CaseRead = 1001,

    [JsonStringEnumMemberName("case.update")]
    CaseUpdate = 1002,

    [JsonStringEnumMemberName("case.flag")]
    CaseFlag = 1003,

    [JsonStringEnumMemberName("case.break-glass")]
    CaseBreakGlass = 1004,

    [JsonStringEnumMemberName("case.history.read")]
    CaseHistoryRead = 1005,

    [JsonStringEnumMemberName("case.timeline.read")]
    CaseTimelineRead = 1006,

    [JsonStringEnumMemberName("case.archive.read")]
    CaseArchiveRead = 1007,

    [JsonStringEnumMemberName("case.alarm-attach")]
    CaseAlarmAttach = 1008,

    [JsonStringEnumMemberName("case.minor-green-channel")]
    CaseMinorGreenChannel = 1009,

    [JsonStringEnumMemberName("case.lead-transfer")]
    CaseLeadTransfer = 1010,

    [JsonStringEnumMemberName("case.lead-transfer-request")]
    CaseLeadTransferRequest = 1011,

    [JsonStringEnumMemberName("case.escalate-up")]
    CaseEscalateUp = 1012,

    [JsonStringEnumMemberName("case.hand-down")]
    CaseHandDown = 1013,

    [JsonStringEnumMemberName("case.anonymise")]
    CaseAnonymise = 1014,

    /// <summary>A case search by a party (name, ID number, phone, address) or a risk level: the sections it revealed; the term is never stored.</summary>
    [JsonStringEnumMemberName("case.search")]
    CaseSearch = 1015,

    /// <summary>A reader with identity access asked to see a party's full ID number (shown masked by default).</summary>
    [JsonStringEnumMemberName("case.id-number-reveal")]
    CaseIdNumberReveal = 1016,

    // Closure (1100–): Closing the loop (ADR 0016): request, approval, rejection, reopening.
    [JsonStringEnumMemberName("case.closure-request")]
    CaseClosureRequest = 1100,

    [JsonStringEnumMemberName("case.closure-approve")]
    CaseClosureApprove = 1101,

    [JsonStringEnumMemberName("case.closure-reject")]
    CaseClosureReject = 1102,

    [JsonStringEnumMemberName("case.closed")]
    CaseClosed = 1103,

    [JsonStringEnumMemberName("case.reopen")]
    CaseReopen = 1104,

    // Archive (1200–): The family archive and feedback (ADR 0019).
    [JsonStringEnumMemberName("archive.search")]
    ArchiveSearch = 1200,

    [JsonStringEnumMemberName("feedback.read")]
    FeedbackRead = 1201,

    // Person (1300–): The person index: merging and unmerging records.
    [JsonStringEnumMemberName("person.merge")]
    PersonMerge = 1300,

    [JsonStringEnumMemberName("person.unmerge")]
    PersonUnmerge = 1301,

    [JsonStringEnumMemberName("person.reject-match")]
    PersonRejectMatch = 1302,

    /// <summary>Possible matches of a person record were read (names and birth dates of records in scope).</summary>
    [JsonStringEnumMemberName("person.suggestions")]
    PersonSuggestions = 1303,

    // Assessment (1400–): Risk assessments.
    [JsonStringEnumMemberName("assessment.create")]
    AssessmentCreate = 1400,

    [JsonStringEnumMemberName("assessment.read")]
    AssessmentRead = 1401,

    // Clock (1500–): Statutory clocks (ADR 0009).
    [JsonStringEnumMemberName("clock.start")]
    ClockStart = 1500,

    [JsonStringEnumMemberName("clock.read")]
    ClockRead = 1501,

    [JsonStringEnumMemberName("clock.list")]
    ClockList = 1502,

    [JsonStringEnumMemberName("clock.complete")]
    ClockComplete = 1503,

    [JsonStringEnumMemberName("clock.cancel")]
    ClockCancel = 1504,

    [JsonStringEnumMemberName("clock.remind")]
    ClockRemind = 1505,

    [JsonStringEnumMemberName("clock.breach")]
    ClockBreach = 1506,

    [JsonStringEnumMemberName("clock.breach-handled")]
    ClockBreachHandled = 1507,

    [JsonStringEnumMemberName("clock.breach-escalate")]
    ClockBreachEscalate = 1508,

    [JsonStringEnumMemberName("clock.lapse")]
    ClockLapse = 1509,

    // Task (1600–): Linkage tasks (ADR 0015).
    [JsonStringEnumMemberName("task.create")]
    TaskCreate = 1600,

    [JsonStringEnumMemberName("task.list")]
    TaskList = 1601,

    [JsonStringEnumMemberName("task.hold")]
    TaskHold = 1602,

    [JsonStringEnumMemberName("task.release")]
    TaskRelease = 1603,

    [JsonStringEnumMemberName("task.accept")]
    TaskAccept = 1604,

    [JsonStringEnumMemberName("task.decline")]
    TaskDecline = 1605,

    [JsonStringEnumMemberName("task.start")]
    TaskStart = 1606,

    [JsonStringEnumMemberName("task.complete")]
    TaskComplete = 1607,

    [JsonStringEnumMemberName("task.cancel")]
    TaskCancel = 1608,

    [JsonStringEnumMemberName("task.reassign")]
    TaskReassign = 1609,

    // Linkage (1700–): The linkage view and case conferences.
    [JsonStringEnumMemberName("linkage.read")]
    LinkageRead = 1700,

    [JsonStringEnumMemberName("conference.schedule")]
    ConferenceSchedule = 1701,

    [JsonStringEnumMemberName("conference.record")]
    ConferenceRecord = 1702,

    [JsonStringEnumMemberName("conference.cancel")]
    ConferenceCancel = 1703,

    [JsonStringEnumMemberName("conference.list")]
    ConferenceList = 1704,

    // Legal (1800–): Legal instruments (ADR 0013): the section, protection orders, warning letters, placements.
    [JsonStringEnumMemberName("legal.read")]
    LegalRead = 1800,

    /// <summary>A case's flags (a repeat warning letter) were read: legal content.</summary>
    [JsonStringEnumMemberName("flags.read")]
    FlagsRead = 1824,

    [JsonStringEnumMemberName("legal-followup.open")]
    LegalFollowupOpen = 1801,

    [JsonStringEnumMemberName("legal-followup.close")]
    LegalFollowupClose = 1802,

    [JsonStringEnumMemberName("protection-order.file")]
    ProtectionOrderFile = 1803,

    [JsonStringEnumMemberName("protection-order.read")]
    ProtectionOrderRead = 1804,

    [JsonStringEnumMemberName("protection-order.list")]
    ProtectionOrderList = 1805,

    [JsonStringEnumMemberName("protection-order.accept")]
    ProtectionOrderAccept = 1806,

    [JsonStringEnumMemberName("protection-order.reject")]
    ProtectionOrderReject = 1807,

    [JsonStringEnumMemberName("protection-order.issue")]
    ProtectionOrderIssue = 1808,

    [JsonStringEnumMemberName("protection-order.service")]
    ProtectionOrderService = 1809,

    [JsonStringEnumMemberName("protection-order.police-verification")]
    ProtectionOrderPoliceVerification = 1810,

    [JsonStringEnumMemberName("protection-order.extend")]
    ProtectionOrderExtend = 1811,

    [JsonStringEnumMemberName("protection-order.change")]
    ProtectionOrderChange = 1812,

    [JsonStringEnumMemberName("protection-order.revoke")]
    ProtectionOrderRevoke = 1813,

    [JsonStringEnumMemberName("protection-order.violation")]
    ProtectionOrderViolation = 1814,

    [JsonStringEnumMemberName("protection-order.document")]
    ProtectionOrderDocument = 1815,

    [JsonStringEnumMemberName("warning-letter.issue")]
    WarningLetterIssue = 1816,

    [JsonStringEnumMemberName("warning-letter.read")]
    WarningLetterRead = 1817,

    [JsonStringEnumMemberName("warning-letter.delivery")]
    WarningLetterDelivery = 1818,

    [JsonStringEnumMemberName("warning-letter.visit")]
    WarningLetterVisit = 1819,

    [JsonStringEnumMemberName("warning-letter.document")]
    WarningLetterDocument = 1820,

    [JsonStringEnumMemberName("placement.start")]
    PlacementStart = 1821,

    [JsonStringEnumMemberName("placement.end")]
    PlacementEnd = 1822,

    [JsonStringEnumMemberName("placement.civil-affairs-filing")]
    PlacementCivilAffairsFiling = 1823,

    // Visit (1900–): Return visits (ADR 0020).
    [JsonStringEnumMemberName("visit.record")]
    VisitRecord = 1900,

    [JsonStringEnumMemberName("visit.read")]
    VisitRead = 1901,

    // Sharing (2000–): Consent and legal bases for sharing (ADR 0017).
    [JsonStringEnumMemberName("consent.record")]
    ConsentRecord = 2000,

    [JsonStringEnumMemberName("consent.legal-basis")]
    ConsentLegalBasis = 2001,

    [JsonStringEnumMemberName("consent.withdraw")]
    ConsentWithdraw = 2002,

    [JsonStringEnumMemberName("consent.list")]
    ConsentList = 2003,

    // Admin (2100–): Administration: accounts, agencies, instruments, deliveries, retention.
    [JsonStringEnumMemberName("user.create")]
    UserCreate = 2100,

    [JsonStringEnumMemberName("user.email")]
    UserEmail = 2101,

    [JsonStringEnumMemberName("user.lock")]
    UserLock = 2102,

    [JsonStringEnumMemberName("user.unlock")]
    UserUnlock = 2103,

    [JsonStringEnumMemberName("agency.create")]
    AgencyCreate = 2104,

    [JsonStringEnumMemberName("agency.webhook")]
    AgencyWebhook = 2105,

    [JsonStringEnumMemberName("agency.duty-email")]
    AgencyDutyEmail = 2106,

    [JsonStringEnumMemberName("instrument.publish")]
    InstrumentPublish = 2107,

    [JsonStringEnumMemberName("notification.retry")]
    NotificationRetry = 2108,

    [JsonStringEnumMemberName("retention.report")]
    RetentionReport = 2109,

    [JsonStringEnumMemberName("retention.apply")]
    RetentionApply = 2110,

    /// <summary>An administrator asked for a case-reading role for an account; a second administrator decides (four eyes).</summary>
    [JsonStringEnumMemberName("user.grant.request")]
    UserGrantRequest = 2111,

    /// <summary>A second administrator approved a role request: the roles were granted.</summary>
    [JsonStringEnumMemberName("user.grant.approve")]
    UserGrantApprove = 2112,

    /// <summary>A second administrator rejected a role request.</summary>
    [JsonStringEnumMemberName("user.grant.reject")]
    UserGrantReject = 2113,

    /// <summary>Roles were taken from an account (no second administrator needed to take away).</summary>
    [JsonStringEnumMemberName("user.roles.remove")]
    UserRolesRemove = 2114,

    // Statistics (2200–): Figures, the cases behind them and their exports (ADR 0029); the filter and row count only, never personal data.
    /// <summary>A figure was exported (CSV or Excel): the indicator, its version, the filter and the number of rows.</summary>
    [JsonStringEnumMemberName("statistics.export")]
    StatisticsExport = 2200,

    /// <summary>The list of cases behind a figure was read (case numbers in scope): the indicator, the cell and the count.</summary>
    [JsonStringEnumMemberName("statistics.cases.read")]
    StatisticsCasesRead = 2201,

    /// <summary>A monthly bulletin was made on request (ADR 0032): the division, the month and the version.</summary>
    [JsonStringEnumMemberName("statistics.bulletin.generate")]
    BulletinGenerate = 2202,

    /// <summary>A published bulletin was read (JSON, PDF or Excel): the division, the month, the version and the format.</summary>
    [JsonStringEnumMemberName("statistics.bulletin.read")]
    BulletinRead = 2203,

    // The public door (2300–): a person's own report and its receipt (ADR 0033); ids only, never what she wrote or her address.
    /// <summary>A self-report's status was read with its receipt code and the right secret.</summary>
    [JsonStringEnumMemberName("self-report.status.read")]
    SelfReportStatusRead = 2300,

    /// <summary>A self-report's receipt was locked after repeated wrong secrets.</summary>
    [JsonStringEnumMemberName("self-report.receipt.locked")]
    SelfReportReceiptLocked = 2301,

    /// <summary>Staff read a self-report's safe-contact instructions on the case page.</summary>
    [JsonStringEnumMemberName("self-report.contact.read")]
    SelfReportContactRead = 2302,

    // Alarms (2400–2499): the one-key alarm (ADR 0034); ids and outcomes only, never her location or PIN.
    /// <summary>A victim of the case was enrolled in the one-key alarm (a new link was made).</summary>
    [JsonStringEnumMemberName("alarm.enrol")]
    AlarmEnrol = 2400,

    /// <summary>An enrolment was revoked (lost phone): its link is dead.</summary>
    [JsonStringEnumMemberName("alarm.revoke")]
    AlarmRevoke = 2401,

    /// <summary>The PIN of an enrolment was set on its first open.</summary>
    [JsonStringEnumMemberName("alarm.pin.set")]
    AlarmPinSet = 2402,

    /// <summary>A wrong PIN was entered on an alarm link (the reason says whether it locked the link).</summary>
    [JsonStringEnumMemberName("alarm.pin.wrong")]
    AlarmPinWrong = 2403,

    /// <summary>The alarm was pressed: an urgent alert on the case.</summary>
    [JsonStringEnumMemberName("alarm.raise")]
    AlarmRaise = 2404,

    /// <summary>A responding agency acknowledged an alert.</summary>
    [JsonStringEnumMemberName("alarm.acknowledge")]
    AlarmAcknowledge = 2405,

    /// <summary>An alert's acknowledgement was missed: escalated to the supervising linkage centre.</summary>
    [JsonStringEnumMemberName("alarm.escalate")]
    AlarmEscalate = 2406,

    /// <summary>An alert's outcome was recorded (attended, false alarm, cancelled by her, other).</summary>
    [JsonStringEnumMemberName("alarm.outcome")]
    AlarmOutcome = 2407,

    /// <summary>A case's alarm enrolment and alerts were read (the location only by responding agencies).</summary>
    [JsonStringEnumMemberName("alarm.read")]
    AlarmRead = 2408,

    // The law as written (2500–2599, issue 15).
    /// <summary>A court answered a breach of a protection order (ADVL Art 34): criminal transfer, or admonition with any fine and detention.</summary>
    [JsonStringEnumMemberName("protection-order.breach.answer")]
    ProtectionOrderBreachAnswer = 2500,

    // Consultation (2600–): The consultation assistant's answers and the questions handed to a person (ADR 0036); never what she typed.
    /// <summary>An administrator saved a new version of an assistant answer (the entry id and version).</summary>
    [JsonStringEnumMemberName("consultation.answer.edit")]
    ConsultationAnswerEdit = 2600,

    /// <summary>An administrator took an answer out of the assistant (the entry id and version).</summary>
    [JsonStringEnumMemberName("consultation.answer.retire")]
    ConsultationAnswerRetire = 2601,

    /// <summary>A question was handed to a person with her agreement (the request id; never the question).</summary>
    [JsonStringEnumMemberName("consultation.hand-off")]
    ConsultationHandOff = 2602,

    /// <summary>Hotline staff read the questions waiting for their federation (the count).</summary>
    [JsonStringEnumMemberName("consultation.queue.read")]
    ConsultationQueueRead = 2603,

    /// <summary>Hotline staff answered a handed-off question (the request id).</summary>
    [JsonStringEnumMemberName("consultation.answer")]
    ConsultationAnswer = 2604,

    /// <summary>She read the answer with her receipt code and the right secret (the request id).</summary>
    [JsonStringEnumMemberName("consultation.reply.read")]
    ConsultationReplyRead = 2605,

    // Probe (9000–): Attempts on what the caller may not see.
    /// <summary>A case id the caller asked for answered 404: out of scope or unknown (recorded with the case id).</summary>
    [JsonStringEnumMemberName("probe.not-found")]
    ProbeNotFound = 9000,
}
