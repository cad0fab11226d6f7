using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class AgencyWebhookConfiguration : IEntityTypeConfiguration<AgencyWebhook>
{
    public void Configure(EntityTypeBuilder<AgencyWebhook> builder)
    {
        builder.ToTable("agency_webhooks");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.HasIndex(w => w.AgencyId).IsUnique();
        builder.Property(w => w.Url).HasMaxLength(500).IsRequired();
        builder.Property(w => w.Secret).IsRequired().IsEncrypted("webhook.secret");
        builder.HasOne<Agency>().WithMany().HasForeignKey(w => w.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> builder)
    {
        builder.ToTable("notification_outbox");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(40).IsRequired();
        builder.Property(e => e.PayloadJson).HasMaxLength(2000).IsRequired();
        builder.Property(e => e.Status).HasMaxLength(20).IsRequired();
        builder.Property(e => e.LastError).HasMaxLength(OutboxEvent.ErrorMaxLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
        builder.HasIndex(e => new { e.AgencyId, e.CreatedAt });
    }
}
