using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class CaseConsentConfiguration : IEntityTypeConfiguration<CaseConsent>
{
    public void Configure(EntityTypeBuilder<CaseConsent> builder)
    {
        builder.ToTable("case_consents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Basis).HasMaxLength(20).IsRequired();
        builder.Property(c => c.GivenBy).HasMaxLength(20);
        builder.Property(c => c.Method).HasMaxLength(20);
        builder.Property(c => c.LegalBasis).HasMaxLength(60);
        builder.Property(c => c.Citation).HasMaxLength(CaseConsent.CitationMaxLength);
        builder.Property(c => c.AgencyType).HasMaxLength(40).IsRequired();
        builder.Property(c => c.Sections).HasStableNames<CaseSection>(200);
        // Notes and withdrawal reasons are free text about the victim: encrypted like the case summary.
        builder.Property(c => c.Note).IsEncrypted("consent.note");
        builder.Property(c => c.WithdrawalReason).IsEncrypted("consent.withdrawal");
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CaseId, c.RecordedAt });
        // Access checks look consents up by the covered agency (or type) on every request of a non-statutory body.
        builder.HasIndex(c => new { c.AgencyId, c.CaseId });
        builder.HasIndex(c => new { c.AgencyType, c.CaseId });
    }
}
