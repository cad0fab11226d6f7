using Lianhu.Domain.Cases;
using Lianhu.Domain.Linkage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class CaseConferenceConfiguration : IEntityTypeConfiguration<CaseConference>
{
    public void Configure(EntityTypeBuilder<CaseConference> builder)
    {
        builder.ToTable("case_conferences");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Trigger).HasMaxLength(20).IsRequired();
        builder.Property(c => c.Status).HasMaxLength(20).IsRequired();
        builder.Property(c => c.Agenda).HasMaxLength(4000).IsRequired();
        builder.Property(c => c.Minutes).IsEncrypted("conference.minutes");
        builder.Property(c => c.CancellationReason).IsEncrypted("conference.cancellation");
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CaseId, c.Status });
        builder.HasIndex(c => new { c.ConvenerAgencyId, c.ScheduledAt });
    }
}
