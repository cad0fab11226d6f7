using Lianhu.Domain.Cases;
using Lianhu.Domain.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class CaseIntakeConfiguration : IEntityTypeConfiguration<CaseIntake>
{
    public void Configure(EntityTypeBuilder<CaseIntake> builder)
    {
        builder.ToTable("case_intakes");
        builder.HasKey(i => i.CaseId);
        builder.Property(i => i.CaseId).ValueGeneratedNever();
        builder.HasOne<Case>().WithOne().HasForeignKey<CaseIntake>(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Address).IsEncrypted("intake.address");
        builder.Property(i => i.AddressIndex).HasMaxLength(64);
        builder.Property(i => i.ViolenceForms).HasStableNames(200);
        builder.Property(i => i.Needs).HasStableNames(200);
        builder.Property(i => i.InjuryDetails).IsEncrypted("intake.injuries");
        builder.Property(i => i.WeaponDetails).IsEncrypted("intake.weapons");
        builder.Ignore(i => i.IsMandatoryReport);
        builder.Ignore(i => i.ReporterConfidential);
        builder.Property(i => i.ReportDuties).HasMaxLength(200);
        builder.Property(i => i.VictimCapacity).IsEncrypted("intake.victim-capacity");
        builder.Property(i => i.CapacityBasis).IsEncrypted("intake.capacity-basis");
        builder.HasIndex(i => i.AddressIndex);
        builder.HasIndex(i => i.ReportedByUserId);
    }
}
