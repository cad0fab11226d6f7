using Lianhu.Domain.Cases;
using Lianhu.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(20).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Summary).IsRequired().IsEncrypted("case.summary");
        builder.Property(c => c.DivisionCode).HasMaxLength(12).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Division>().WithMany().HasForeignKey(c => c.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.LeadAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.LeadAgencyId, c.CreatedAt });
        builder.HasIndex(c => new { c.DivisionCode, c.CreatedAt });
        builder.Property(c => c.ClosureSummary).IsEncrypted("case.closure-summary");
        builder.Ignore(c => c.IsReadOnly);
        // Added to an existing table, so they carry a default (SQLite cannot add a NOT NULL column without one).
        builder.Property(c => c.ClosureApprovalsRequired).HasDefaultValue(0);
        builder.Property(c => c.ReopenCount).HasDefaultValue(0);
        builder.OwnsMany(c => c.ClosureApprovals, approvals =>
        {
            approvals.ToTable("case_closure_approvals");
            approvals.WithOwner().HasForeignKey("CaseId");
            approvals.Property<int>("Id").ValueGeneratedOnAdd();
            approvals.HasKey("Id");
        });
        builder.Navigation(c => c.ClosureApprovals).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
