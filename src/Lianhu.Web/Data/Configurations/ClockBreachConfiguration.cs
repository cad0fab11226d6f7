using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class ClockBreachConfiguration : IEntityTypeConfiguration<ClockBreach>
{
    public void Configure(EntityTypeBuilder<ClockBreach> builder)
    {
        builder.ToTable("clock_breaches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.RuleId).HasMaxLength(60).IsRequired();
        builder.Property(b => b.SubjectType).HasMaxLength(ClockSubject.TypeMaxLength).IsRequired();
        builder.Property(b => b.EscalateToDivisionCode).HasMaxLength(12).IsRequired();
        // One breach per clock: the database refuses a second even if the engine had a bug.
        builder.HasIndex(b => b.ClockId).IsUnique();
        builder.HasOne<Clock>().WithMany().HasForeignKey(b => b.ClockId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(b => b.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.EscalateToDivisionCode, b.BreachedAt });
        builder.HasIndex(b => new { b.EscalationRequested, b.BreachedAt });
        builder.HasIndex(b => b.CaseId);
    }
}
