using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class ConsultationAnswerRecordConfiguration : IEntityTypeConfiguration<ConsultationAnswerRecord>
{
    public const string UniqueIndex = "IX_consultation_answers_EntryId_Version";

    public void Configure(EntityTypeBuilder<ConsultationAnswerRecord> builder)
    {
        builder.ToTable("consultation_answers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.EntryId).HasMaxLength(ConsultationAnswerRecord.EntryIdLength).IsRequired();
        builder.Property(a => a.ContentJson).IsRequired();
        builder.HasIndex(a => new { a.EntryId, a.Version }).IsUnique().HasDatabaseName(UniqueIndex);
    }
}
