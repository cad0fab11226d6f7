using Lianhu.Domain.Access;
using Lianhu.Domain.Assessments;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Instruments;
using Lianhu.Domain.Intake;
using Lianhu.Domain.Legal;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.People;
using Lianhu.Domain.Sharing;
using Lianhu.Domain.Visits;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Identity;
using Lianhu.Web.Security;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lianhu.Web.Data;

/// <summary>
/// The one database of the service. The same model runs on SQLite (embedded default) and
/// PostgreSQL; the few differences (how instants are stored) are decided here, in one place.
/// </summary>
public sealed class LianhuDbContext : IdentityDbContext<StaffUser, StaffRole, Guid>
{
    /// <summary>Commands EF sends to PostgreSQL in one batch (one round trip, one implicit transaction).</summary>
    public const int PostgresMaxBatchSize = 1000;

    private bool directoryTouched;

    public LianhuDbContext(DbContextOptions<LianhuDbContext> options, FieldCipher cipher)
        : base(options)
    {
        Cipher = cipher;
        // A change to the agency directory, as the tracker sees it (added now, or modified when
        // changes are detected at save), drops the directory caches once it is saved.
        ChangeTracker.Tracked += (_, e) => directoryTouched |= DirectoryVersion.Touches(e.Entry, e.Entry.State);
        ChangeTracker.StateChanged += (_, e) => directoryTouched |= DirectoryVersion.Touches(e.Entry, e.NewState);
    }

    /// <summary>Encrypts the fields marked <c>IsEncrypted(purpose)</c> in their configuration.</summary>
    public FieldCipher Cipher { get; }

    public DbSet<Division> Divisions => Set<Division>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<BreakGlassGrant> BreakGlassGrants => Set<BreakGlassGrant>();

    public DbSet<RoleRequest> RoleRequests => Set<RoleRequest>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    public DbSet<Clock> Clocks => Set<Clock>();

    public DbSet<ClockBreach> ClockBreaches => Set<ClockBreach>();

    public DbSet<InstrumentVersion> InstrumentVersions => Set<InstrumentVersion>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<ProtectionOrder> ProtectionOrders => Set<ProtectionOrder>();

    public DbSet<WarningLetter> WarningLetters => Set<WarningLetter>();

    public DbSet<ShelterStay> ShelterStays => Set<ShelterStay>();

    public DbSet<LegalFollowUp> LegalFollowUps => Set<LegalFollowUp>();

    public DbSet<CaseFlag> CaseFlags => Set<CaseFlag>();

    public DbSet<CaseIntake> CaseIntakes => Set<CaseIntake>();

    public DbSet<CaseParty> CaseParties => Set<CaseParty>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<PersonMatchRejection> PersonMatchRejections => Set<PersonMatchRejection>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<CaseTask> CaseTasks => Set<CaseTask>();

    public DbSet<CaseConference> CaseConferences => Set<CaseConference>();

    public DbSet<AgencyWebhook> AgencyWebhooks => Set<AgencyWebhook>();

    public DbSet<OutboxEvent> Outbox => Set<OutboxEvent>();

    public DbSet<CaseConsent> CaseConsents => Set<CaseConsent>();

    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    public DbSet<BulletinRecord> Bulletins => Set<BulletinRecord>();

    public DbSet<SelfReportRecord> SelfReports => Set<SelfReportRecord>();

    public DbSet<ConsultationAnswerRecord> ConsultationAnswers => Set<ConsultationAnswerRecord>();

    public DbSet<ConsultationRequestRecord> ConsultationRequests => Set<ConsultationRequestRecord>();

    /// <summary>On SQLite a save outside an explicit transaction queues at the database's write gate (<see cref="SqliteWriteGate"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || SqliteWriteGate.For(this) is not { } gate)
        {
            return Saved(await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken));
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            return Saved(await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken));
        }
        finally
        {
            gate.Release();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null || SqliteWriteGate.For(this) is not { } gate)
        {
            return Saved(base.SaveChanges(acceptAllChangesOnSuccess));
        }

        gate.Wait();
        try
        {
            return Saved(base.SaveChanges(acceptAllChangesOnSuccess));
        }
        finally
        {
            gate.Release();
        }
    }

    private int Saved(int rows)
    {
        if (directoryTouched)
        {
            directoryTouched = false;
            DirectoryVersion.Bump();
        }

        return rows;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LianhuDbContext).Assembly);
        builder.ApplyEncryption(Cipher);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no instant type and cannot order or compare DateTimeOffset stored as text;
        // storing UTC ticks keeps ORDER BY and range filters in SQL. PostgreSQL uses timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

        StableNameConverter.Register<AgencyType>(configurationBuilder);
        StableNameConverter.Register<Tier>(configurationBuilder);
        StableNameConverter.Register<Channel>(configurationBuilder);
        StableNameConverter.Register<CaseStatus>(configurationBuilder);
        StableNameConverter.Register<VisitMethod>(configurationBuilder);
        StableNameConverter.Register<VisitOutcome>(configurationBuilder);
        StableNameConverter.Register<ClockState>(configurationBuilder);
        StableNameConverter.Register<ClockDueAction>(configurationBuilder);
        StableNameConverter.Register<InstrumentSource>(configurationBuilder);
        StableNameConverter.Register<CommonRiskLevel>(configurationBuilder);
        StableNameConverter.Register<HandlingTier>(configurationBuilder);
        LegalModel.RegisterConventions(configurationBuilder);
        StableNameConverter.Register<CaseEventKind>(configurationBuilder);
        StableNameConverter.Register<ClosureOutcome>(configurationBuilder);
        StableNameConverter.Register<PartyRole>(configurationBuilder);
        StableNameConverter.Register<Relationship>(configurationBuilder);
        StableNameConverter.Register<Sex>(configurationBuilder);
        StableNameConverter.Register<CaseTaskStatus>(configurationBuilder);
        StableNameConverter.Register<CaseTaskKind>(configurationBuilder);
        StableNameConverter.Register<ConferenceStatus>(configurationBuilder);
        StableNameConverter.Register<ConferenceTrigger>(configurationBuilder);
        StableNameConverter.Register<OutboxStatus>(configurationBuilder);
        StableNameConverter.Register<SharingBasisKind>(configurationBuilder);
        StableNameConverter.Register<ConsentGiver>(configurationBuilder);
        StableNameConverter.Register<ConsentMethod>(configurationBuilder);
        StableNameConverter.Register<MailStatus>(configurationBuilder);
        StableNameConverter.Register<RoleRequestStatus>(configurationBuilder);
    }
}
