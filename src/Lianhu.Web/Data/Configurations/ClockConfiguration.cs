using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class ClockConfiguration : IEntityTypeConfiguration<Clock>
{
    public void Configure(EntityTypeBuilder<Clock> builder)
    {
        builder.ToTable("clocks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.SubjectType).HasMaxLength(ClockSubject.TypeMaxLength).IsRequired();
        builder.Property(c => c.RuleId).HasMaxLength(60).IsRequired();
        builder.Property(c => c.Reading).HasMaxLength(60).IsRequired();
        builder.Property(c => c.ExplanationZh).HasMaxLength(1000).IsRequired();
        builder.Property(c => c.ExplanationEn).HasMaxLength(1000).IsRequired();
        builder.Property(c => c.SourceZh).HasMaxLength(300).IsRequired();
        builder.Property(c => c.SourceEn).HasMaxLength(300).IsRequired();
        builder.Property(c => c.Outcome).IsEncrypted("clock.outcome");
        builder.Property(c => c.ClaimOwner).HasMaxLength(Clock.ClaimOwnerMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        // Clocks started before rule files could say "lapse" were all deadlines.
        builder.Property(c => c.OnDue).HasDefaultValue(ClockDueAction.Breach);
        builder.Ignore(c => c.IsRunning);
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CaseId, c.DueAt });
        builder.HasIndex(c => new { c.SubjectType, c.SubjectId });
        // The scanner's claim query: running clocks by the time they next need attention.
        builder.HasIndex(c => new { c.State, c.NextFireAt });
    }
}
