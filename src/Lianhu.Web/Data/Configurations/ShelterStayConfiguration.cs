using Lianhu.Domain.Cases;
using Lianhu.Domain.Legal;
using Lianhu.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class ShelterStayConfiguration : IEntityTypeConfiguration<ShelterStay>
{
    public void Configure(EntityTypeBuilder<ShelterStay> builder)
    {
        builder.ToTable("shelter_stays");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Location).IsRequired().IsEncrypted("placement.location");
        builder.Property(s => s.OutcomeNote).IsEncrypted("placement.outcome-note");
        builder.Property(s => s.CivilAffairsFiling).IsEncrypted("placement.filing");
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsActive);
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CaseId, s.StartedAt });
    }
}

public sealed class LegalFollowUpConfiguration : IEntityTypeConfiguration<LegalFollowUp>
{
    public void Configure(EntityTypeBuilder<LegalFollowUp> builder)
    {
        builder.ToTable("legal_followups");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Kind).HasMaxLength(40).IsRequired();
        builder.Property(f => f.SubjectType).HasMaxLength(40).IsRequired();
        builder.Property(f => f.Details).IsRequired().IsEncrypted("followup.details");
        builder.Property(f => f.Outcome).IsEncrypted("followup.outcome");
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(f => f.AssigneeAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.SubjectType, f.SubjectId });
        // What the linkage feature will pick up: open work per agency.
        builder.HasIndex(f => new { f.AssigneeAgencyId, f.Status });
        builder.HasIndex(f => f.CaseId);
    }
}

public sealed class CaseFlagConfiguration : IEntityTypeConfiguration<CaseFlag>
{
    public void Configure(EntityTypeBuilder<CaseFlag> builder)
    {
        builder.ToTable("case_flags");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Code).HasMaxLength(CaseFlag.CodeMaxLength).IsRequired();
        builder.Property(f => f.SourceType).HasMaxLength(40).IsRequired();
        builder.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.CaseId, f.Code });
    }
}
