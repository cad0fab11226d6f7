using Lianhu.Domain.Cases;
using Lianhu.Domain.Legal;
using Lianhu.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class WarningLetterConfiguration : IEntityTypeConfiguration<WarningLetter>
{
    public void Configure(EntityTypeBuilder<WarningLetter> builder)
    {
        builder.ToTable("warning_letters");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.RespondentName).IsRequired().IsEncrypted("warning-letter.respondent");
        builder.Property(l => l.RespondentIdNumber).IsRequired().IsEncrypted("warning-letter.respondent-id");
        builder.Property(l => l.RespondentAddress).IsEncrypted("warning-letter.respondent-address");
        builder.Property(l => l.VictimName).IsRequired().IsEncrypted("warning-letter.victim");
        builder.Property(l => l.Facts).IsRequired().IsEncrypted("warning-letter.facts");
        builder.Property(l => l.Prohibition).IsRequired().IsEncrypted("warning-letter.prohibition");
        // Blind indexes (HMAC-SHA256, hex): exact matching for repeat letters without clear text.
        builder.Property(l => l.RespondentKey).HasMaxLength(64).IsRequired();
        builder.Property(l => l.VictimKey).HasMaxLength(64).IsRequired();
        builder.Ignore(l => l.IsRepeat);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(l => l.IssuedByAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(l => l.Deliveries).WithOne().HasForeignKey(d => d.LetterId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Deliveries).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(l => new { l.CaseId, l.IssuedAt });
        builder.HasIndex(l => l.RespondentKey);
    }
}

public sealed class WarningLetterDeliveryConfiguration : IEntityTypeConfiguration<WarningLetterDelivery>
{
    public void Configure(EntityTypeBuilder<WarningLetterDelivery> builder)
    {
        builder.ToTable("warning_letter_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
    }
}
