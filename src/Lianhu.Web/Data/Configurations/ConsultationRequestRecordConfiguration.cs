using Lianhu.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class ConsultationRequestRecordConfiguration : IEntityTypeConfiguration<ConsultationRequestRecord>
{
    public const string ReceiptIndex = "IX_consultation_requests_ReceiptCode";
    public const string FormIndex = "IX_consultation_requests_FormId";

    public void Configure(EntityTypeBuilder<ConsultationRequestRecord> builder)
    {
        builder.ToTable("consultation_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ReceiptCode).HasMaxLength(ReceiptRecord.ReceiptLength).IsRequired();
        builder.Property(r => r.SecretMac).HasMaxLength(200).IsRequired();
        builder.Property(r => r.DivisionCode).HasMaxLength(12);
        builder.Property(r => r.Question).IsEncrypted("consultation.question").IsRequired();
        builder.Property(r => r.Answer).IsEncrypted("consultation.answer");
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ReceiptCode).IsUnique().HasDatabaseName(ReceiptIndex);
        builder.HasIndex(r => r.FormId).IsUnique().HasDatabaseName(FormIndex);
        builder.HasIndex(r => new { r.AgencyId, r.AnsweredAt });
    }
}
