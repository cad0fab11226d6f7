using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Intake;
using Lianhu.Domain.People;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Persons;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Intake;

public static partial class OpenCase
{
    /// <summary>Shared by the API endpoint and the intake form.</summary>
    public sealed class Handler(
        LianhuDbContext db,
        CurrentUserAccessor current,
        AuditTrail audit,
        TimeProvider time,
        IntakeValidator validator,
        PersonIndexer indexer,
        PersonLinker linker,
        RepeatAlarms repeatAlarms,
        CaseTimeline timeline,
        IdempotencyStore idempotency,
        DirectoryCache directory,
        AnswerWriter answers,
        CaseAccess access,
        Steps.CaseEvents events)
    {
        public Task<Outcome> HandleAsync(Request request, IStringLocalizer text, CancellationToken ct, string? idempotencyKey = null) =>
            HandleAsync(request, current.Required, text, ct, idempotencyKey);

        /// <summary>The intake as <paramref name="user"/>: the signed-in staff member, or the public door (<see cref="CurrentUser.PublicDoor"/>).</summary>
        public async Task<Outcome> HandleAsync(Request request, CurrentUser user, IStringLocalizer text, CancellationToken ct, string? idempotencyKey = null)
        {
            ArgumentNullException.ThrowIfNull(user);
            // One connection for the whole intake: its reads and its write do not return it to the pool in between.
            await db.Database.OpenConnectionAsync(ct);
            // An intake only adds rows, so the change tracker has nothing to detect before saving.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var requestHash = idempotencyKey is null ? null : idempotency.Hash("POST /cases", request, answers.Options);
            var errors = new FieldErrors(text);
            var valid = await validator.ValidateAsync(request, user, errors, ct);
            if (valid is null)
            {
                // A retry whose body differs from the first is told that, not what is wrong with the new body.
                return idempotencyKey is not null && await idempotency.FindLiveAsync(user.UserId, idempotencyKey, ct) is { } earlier
                    ? Replay(earlier, requestHash!)
                    : new Outcome(Errors: errors);
            }

            // A keyed request is first looked up (one primary-key-like read): a retry is answered from
            // the record without an insert that collides, which EF logs as a failed command with its
            // stack trace and PostgreSQL as an ERROR — a normal retry must not look like a fault (ADR 0030).
            // Twins sent at the same moment still meet on the unique index below.
            if (idempotencyKey is not null && await idempotency.FindLiveAsync(user.UserId, idempotencyKey, ct) is { } stored)
            {
                return Replay(stored, requestHash!);
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await WriteAsync(valid, user, idempotencyKey, requestHash, ct);
                }
                catch (DbUpdateException e) when (attempt < 4 && UniqueViolation.Is(e, "IX_cases_Number", "cases.Number"))
                {
                    // A case number carries 24 random bits per day; on the rare clash the intake is numbered again.
                    db.ChangeTracker.Clear();
                }
                catch (DbUpdateException e) when (attempt < 4 && idempotencyKey is not null && IdempotencyStore.IsKeyConflict(e))
                {
                    // The key was used before (a retry, or a concurrent twin that won): answer as then. A
                    // record past its expiry is removed with the next attempt, which opens the case anew.
                    db.ChangeTracker.Clear();
                    if (await idempotency.FindLiveAsync(user.UserId, idempotencyKey, ct) is { } earlier)
                    {
                        return Replay(earlier, requestHash!);
                    }
                }
            }
        }

        private async Task<Outcome> WriteAsync(ValidIntake valid, CurrentUser user, string? idempotencyKey, string? requestHash, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            var people = valid.Parties.Select(p => (Party: p, Person: Person.Record(
                Guid.CreateVersion7(now),
                p.Person,
                // Reporters are recorded but never matched: linking them across cases would expose who reports.
                p.Role == PartyRole.Reporter ? PersonIndexes.None : indexer.IndexesFor(p.Person),
                valid.LeadAgencyId,
                now))).ToList();
            var addressIndex = indexer.Address(valid.Details.Address);
            var repeatable = valid.Rule.RepeatAlarms && valid.Mode == IntakeMode.Received;
            List<Person> fresh = [.. people.Select(p => p.Person)];
            var (ids, phones) = PersonLinker.KeysOf(fresh);
            var lookup = await IntakeLookup.LoadAsync(db, ids, phones, repeatable ? addressIndex : null, ct);
            var roots = await linker.LinkAsync(fresh, lookup.Persons, user.UserId, now, ct);

            Case? household = null;
            if (repeatable)
            {
                var known = people.Where(p => p.Party.Role is PartyRole.Victim or PartyRole.Respondent && roots.ContainsKey(p.Person.Id))
                    .Select(p => roots[p.Person.Id]).ToHashSet();
                household = await repeatAlarms.FindOpenCaseAsync(user, known, lookup.AddressCases, now, ct);
            }

            var outcome = household is null
                ? await OpenAsync(valid, people, addressIndex, user, now, ct)
                : await AttachAsync(household, valid, people, user, now, ct);

            if (idempotencyKey is null)
            {
                await SaveAsync(ct);
                return outcome;
            }

            var stored = answers.Write(outcome);
            idempotency.Remember(user.UserId, idempotencyKey, requestHash!, stored.StatusCode, stored.Location, stored.Body);
            await SaveAsync(ct);
            return new Outcome(Stored: stored);
        }

        /// <summary>
        /// An intake only inserts. On PostgreSQL its rows go as one batch, which the server runs as
        /// one implicit transaction — all or nothing, as an explicit one would be — so EF's BEGIN and
        /// its COMMIT round trip are left out (ADR 0022). A save too large for one batch keeps them.
        /// </summary>
        private async Task SaveAsync(CancellationToken ct)
        {
            var oneBatch = db.Database.IsNpgsql() && db.ChangeTracker.Entries().Count() < LianhuDbContext.PostgresMaxBatchSize;
            db.Database.AutoTransactionBehavior = oneBatch ? AutoTransactionBehavior.Never : AutoTransactionBehavior.WhenNeeded;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.Database.AutoTransactionBehavior = AutoTransactionBehavior.WhenNeeded;
            }
        }

        private static Outcome Replay(IdempotencyRecord earlier, string requestHash) =>
            earlier.RequestHash == requestHash
                ? new Outcome(Stored: new StoredResponse(earlier.StatusCode, earlier.Location, earlier.Response))
                : new Outcome(KeyReusedWithOtherBody: true);

        private async Task<Outcome> OpenAsync(
            ValidIntake valid, List<(ValidParty Party, Person Person)> people, string? addressIndex, CurrentUser user, DateTimeOffset now, CancellationToken ct)
        {
            var opened = Case.Open(Guid.CreateVersion7(now), valid.Channel, valid.Summary, valid.Division, valid.LeadAgencyId, user.UserId, now);
            var intake = CaseIntake.Record(opened.Id, valid.Details, addressIndex);
            db.Cases.Add(opened);
            db.CaseIntakes.Add(intake);
            var parties = AddParties(opened.Id, people, [], now);
            // A mandatory report is entered on the timeline as received by the lead; the reporter stays out of it.
            var filedByReporter = valid.Mode is IntakeMode.FiledAsReporter or IntakeMode.SelfReported;
            timeline.Record(opened.Id, CaseEventKind.Opened, CaseSections.Intake, valid.LeadAgencyId, filedByReporter ? null : user.UserId, detail: StableName.Of(valid.Channel), at: now);
            audit.Record(user.AsActor(), AuditAction.CaseCreate, "case", opened.Id.ToString());
            var today = Lianhu.Domain.Clocks.ShanghaiTime.DayOf(now);
            var minor = PartyAges.MinorInvolved(people.Select(p => (p.Party.Role, p.Party.Person.BirthDate)), today);
            await events.RaiseAsync(new CaseOpened(opened, minor, user), ct); // clocks a case gets by itself (Legal)

            var leadName = await directory.AgencyNameAsync(db, opened.LeadAgencyId, ct);
            if (filedByReporter)
            {
                return new Outcome(Receipt: new ReportReceiptDto(
                    opened.Id, opened.Number, StableName.Of(opened.Channel), StableName.Of(opened.Status), opened.CreatedAt, leadName, user.IsPublic ? string.Empty : StableName.Of(user.AgencyType))
                {
                    Kind = valid.Details.ReportKind is { } kind ? StableName.Of(kind) : "mandatory",
                    ReporterSealed = valid.Details.ReporterSealed ?? true,
                    Basis = [.. valid.Rule.Duties.Where(d => valid.Details.ReportDuties.Contains(d.Id)).Select(d => System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal) ? d.SourceEn : d.SourceZh)],
                });
            }

            var sizes = await ClusterSizesAsync(parties.Select(p => p.Person), ct);
            var dto = opened.ToDto(await directory.DivisionNameAsync(db, opened.DivisionCode, ct), leadName, CaseAccess.RelationTo(user, opened), access.Grants(user, opened)) with
            {
                Intake = IntakeView.Build(opened, intake, parties, sizes, user, reporterAgencyName: null),
                AttachedToExisting = false,
            };
            return new Outcome(Case: dto);
        }

        private async Task<Outcome> AttachAsync(
            Case household, ValidIntake valid, List<(ValidParty Party, Person Person)> people, CurrentUser user, DateTimeOffset now, CancellationToken ct)
        {
            var existing = await IntakeView.PartiesAsync(db, household.Id, ct);
            var added = AddParties(household.Id, people, existing, now);
            var detail = StableName.Of(valid.Channel)
                + (valid.Details.OccurredAt is { } at ? $";occurredAt={at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}" : string.Empty)
                + (added.Count == 0 ? string.Empty : $";parties={added.Count}");
            timeline.Record(household.Id, CaseEventKind.AlarmAttached, CaseSections.Intake, user.AgencyId, user.UserId, valid.Summary, detail);
            audit.Record(user.AsActor(), AuditAction.CaseAlarmAttach, "case", household.Id.ToString(), CaseSections.Intake);

            var intake = await db.CaseIntakes.AsNoTracking().SingleOrDefaultAsync(i => i.CaseId == household.Id, ct);
            var all = existing.Concat(added).ToList();
            var sizes = await ClusterSizesAsync(all.Select(p => p.Person), ct);
            var names = await CaseNames.LoadAsync(db, [household], ct);
            var reporterName = intake?.ReportedByAgencyId is { } agency && IntakeView.IsLead(household, user)
                ? await db.Agencies.AsNoTracking().Where(a => a.Id == agency).Select(a => a.Name).SingleOrDefaultAsync(ct)
                : null;
            var dto = names.ToDto(household, user, access) with
            {
                Intake = intake is null ? null : IntakeView.Mask(IntakeView.Build(household, intake, all, sizes, user, reporterName), access.Grants(user, household)),
                AttachedToExisting = true,
            };
            return new Outcome(Case: dto, Attached: true);
        }

        /// <summary>
        /// Adds every person record (so what was typed is kept and indexed) and a party row for each
        /// one the case does not already have in the same role.
        /// </summary>
        private List<IntakeView.PartyRow> AddParties(
            Guid caseId, List<(ValidParty Party, Person Person)> people, List<IntakeView.PartyRow> existing, DateTimeOffset now)
        {
            var present = existing.Select(p => (p.Person.RootId, p.Party.Role)).ToHashSet();
            var position = existing.Count == 0 ? 0 : existing.Max(p => p.Party.Position) + 1;
            var added = new List<IntakeView.PartyRow>();
            foreach (var (party, person) in people)
            {
                db.Persons.Add(person);
                if (!present.Add((person.RootId, party.Role)))
                {
                    continue;
                }

                var row = CaseParty.Add(Guid.CreateVersion7(now), caseId, person.Id, party.Role, position++, now, party.Disability);
                db.CaseParties.Add(row);
                added.Add(new IntakeView.PartyRow(row, person));
            }

            return added;
        }

        /// <summary>Records per cluster: those already saved plus the ones being added now.</summary>
        private async Task<Dictionary<Guid, int>> ClusterSizesAsync(IEnumerable<Person> persons, CancellationToken ct)
        {
            var saved = persons.Where(p => !p.IsRoot || db.Entry(p).State != EntityState.Added).Select(p => p.RootId).Distinct().ToList();
            var sizes = saved.Count == 0 ? [] : await IntakeView.ClusterSizesAsync(db, saved, ct);
            foreach (var added in db.ChangeTracker.Entries<Person>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
            {
                sizes[added.RootId] = sizes.GetValueOrDefault(added.RootId) + 1;
            }

            return sizes;
        }
    }
}
