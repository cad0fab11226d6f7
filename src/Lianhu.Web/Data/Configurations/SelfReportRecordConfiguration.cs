using Lianhu.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class SelfReportRecordConfiguration : IEntityTypeConfiguration<SelfReportRecord>
{
    public const string ReceiptIndex = "IX_self_reports_ReceiptCode";

    public void Configure(EntityTypeBuilder<SelfReportRecord> builder)
    {
        builder.ToTable("self_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ReceiptCode).HasMaxLength(ReceiptRecord.ReceiptLength).IsRequired();
        builder.Property(r => r.SecretMac).HasMaxLength(200).IsRequired();
        builder.Property(r => r.ContactPhone).IsEncrypted("self-report.phone");
        builder.Property(r => r.SafeTimes).IsEncrypted("self-report.safe-times");
        builder.Property(r => r.Details).IsEncrypted("self-report.details");
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ReceiptCode).IsUnique().HasDatabaseName(ReceiptIndex);
        builder.HasIndex(r => r.CaseId).IsUnique();
    }
}
