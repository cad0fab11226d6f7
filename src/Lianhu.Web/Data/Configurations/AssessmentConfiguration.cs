using Lianhu.Domain.Assessments;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Instruments;
using Lianhu.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("assessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.InstrumentId).HasMaxLength(InstrumentVersionConfiguration.InstrumentIdMaxLength).IsRequired();
        builder.Property(a => a.Judgement).HasMaxLength(40);
        builder.Property(a => a.JudgementReason).HasMaxLength(Assessment.JudgementReasonMaxLength);
        builder.Property(a => a.Score).HasPrecision(12, 4);
        builder.Property(a => a.ComputedLevel).HasMaxLength(40);
        builder.Property(a => a.FinalLevel).HasMaxLength(40);
        builder.Property(a => a.ResultJson).IsRequired();
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AssessorAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstrumentVersion>().WithMany()
            .HasForeignKey(a => new { a.InstrumentId, a.InstrumentVersion })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CaseId, a.AssessedAt });
    }
}
