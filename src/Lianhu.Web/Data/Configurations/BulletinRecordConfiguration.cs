using Lianhu.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class BulletinRecordConfiguration : IEntityTypeConfiguration<BulletinRecord>
{
    public const string UniqueIndex = "IX_bulletins_DivisionCode_Period_Version";

    public void Configure(EntityTypeBuilder<BulletinRecord> builder)
    {
        builder.ToTable("bulletins");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.DivisionCode).HasMaxLength(12).IsRequired();
        builder.Property(b => b.Period).HasMaxLength(BulletinRecord.PeriodLength).IsRequired();
        builder.Property(b => b.SchemeId).HasMaxLength(100).IsRequired();
        builder.Property(b => b.FiguresJson).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(b => b.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.DivisionCode, b.Period, b.Version }).IsUnique().HasDatabaseName(UniqueIndex);
    }
}
