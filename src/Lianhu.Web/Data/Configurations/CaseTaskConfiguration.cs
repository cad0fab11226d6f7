using Lianhu.Domain.Cases;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class CaseTaskConfiguration : IEntityTypeConfiguration<CaseTask>
{
    public void Configure(EntityTypeBuilder<CaseTask> builder)
    {
        builder.ToTable("case_tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasMaxLength(20).IsRequired();
        builder.Property(t => t.AgencyType).HasMaxLength(40).IsRequired();
        builder.Property(t => t.Tier).HasMaxLength(20).IsRequired();
        builder.Property(t => t.Status).HasMaxLength(20).IsRequired();
        builder.Property(t => t.Role).HasMaxLength(20);
        builder.Property(t => t.Step).HasMaxLength(40).IsRequired();
        builder.Property(t => t.ReasonZh).HasMaxLength(1000).IsRequired();
        builder.Property(t => t.ReasonEn).HasMaxLength(1000).IsRequired();
        // Decline and cancel reasons and outcomes are case content: encrypted at rest like the summary.
        builder.Property(t => t.ClosingText).IsEncrypted("task.text");
        builder.Property(t => t.RequestText).IsEncrypted("task.request");
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.CaseId, t.CreatedAt });
        builder.HasIndex(t => new { t.AgencyId, t.Status, t.DueAt });
        builder.HasIndex(t => new { t.RoutingCentreId, t.Status });
    }
}
