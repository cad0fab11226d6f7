using Lianhu.Domain.Alarms;
using Lianhu.Domain.Cases;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Features.Alarms;

public sealed class AlarmEnrolmentConfiguration : IEntityTypeConfiguration<AlarmEnrolment>
{
    public void Configure(EntityTypeBuilder<AlarmEnrolment> builder)
    {
        builder.ToTable("alarm_enrolments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.TokenHash).HasMaxLength(64);
        builder.Property(e => e.PinHash).HasMaxLength(200);
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.TokenHash).IsUnique();
        builder.HasIndex(e => e.CaseId);
    }
}

public sealed class AlarmAlertConfiguration : IEntityTypeConfiguration<AlarmAlert>
{
    public void Configure(EntityTypeBuilder<AlarmAlert> builder)
    {
        builder.ToTable("alarm_alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.PressId).HasMaxLength(AlarmAlert.PressIdMaxLength);
        builder.Property(a => a.Location).IsEncrypted("alarm.location");
        builder.Property(a => a.OutcomeNote).IsEncrypted("alarm.note");
        builder.Property(a => a.State).HasConversion<StableNameConverter<AlarmAlertState>>().HasMaxLength(40);
        builder.Property(a => a.Outcome).HasConversion<StableNameConverter<AlarmOutcome>>().HasMaxLength(40);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AlarmEnrolment>().WithMany().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.EnrolmentId, a.PressId }).IsUnique();
        builder.HasIndex(a => new { a.CaseId, a.RaisedAt });
        builder.HasIndex(a => new { a.State, a.AcknowledgeBy });
    }
}

public sealed class AlarmResponderConfiguration : IEntityTypeConfiguration<AlarmResponder>
{
    public void Configure(EntityTypeBuilder<AlarmResponder> builder)
    {
        builder.ToTable("alarm_responders");
        builder.HasKey(r => new { r.AlertId, r.AgencyId });
        builder.HasOne<AlarmAlert>().WithMany().HasForeignKey(r => r.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.AgencyId);
    }
}
