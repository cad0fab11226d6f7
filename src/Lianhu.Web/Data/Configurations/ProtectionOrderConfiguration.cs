using Lianhu.Domain.Cases;
using Lianhu.Domain.Legal;
using Lianhu.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class ProtectionOrderConfiguration : IEntityTypeConfiguration<ProtectionOrder>
{
    public void Configure(EntityTypeBuilder<ProtectionOrder> builder)
    {
        builder.ToTable("protection_orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        // Names, identity, address, facts and reasons are personal data: sealed at rest (ADR 0010).
        builder.Property(o => o.ApplicantName).IsRequired().IsEncrypted("protection-order.applicant");
        builder.Property(o => o.ApplicantRelation).IsEncrypted("protection-order.applicant-relation");
        builder.Property(o => o.VictimName).IsRequired().IsEncrypted("protection-order.victim");
        builder.Property(o => o.RespondentName).IsRequired().IsEncrypted("protection-order.respondent");
        builder.Property(o => o.RespondentIdNumber).IsEncrypted("protection-order.respondent-id");
        builder.Property(o => o.RespondentAddress).IsEncrypted("protection-order.respondent-address");
        builder.Property(o => o.RespondentRelation).IsEncrypted("protection-order.respondent-relation");
        builder.Property(o => o.Facts).IsRequired().IsEncrypted("protection-order.facts");
        builder.Property(o => o.RejectionReason).IsEncrypted("protection-order.rejection");
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne<Case>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(o => o.CourtAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Measures).WithOne().HasForeignKey(m => m.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Services).WithOne().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Amendments).WithOne().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Breaches).WithOne().HasForeignKey(b => b.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Breaches).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(o => o.ApplicationDay);
        builder.Ignore(o => o.Relation);
        builder.Ignore(o => o.Basis);
        builder.Navigation(o => o.Measures).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.Services).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.Amendments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(o => o.RequestedMeasures);
        builder.Ignore(o => o.OrderedMeasures);
        builder.HasIndex(o => new { o.CaseId, o.CreatedAt });
        // The court's and the police's inboxes.
        builder.HasIndex(o => new { o.CourtAgencyId, o.Status });
        builder.HasIndex(o => new { o.PoliceAgencyId, o.Status });
    }
}

public sealed class ProtectionOrderMeasureConfiguration : IEntityTypeConfiguration<ProtectionOrderMeasure>
{
    public void Configure(EntityTypeBuilder<ProtectionOrderMeasure> builder)
    {
        builder.ToTable("protection_order_measures");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        // The SPC code itself (1, 2, 3, 4, 5, 255) is the stable id.
        builder.Property(m => m.Code).HasConversion<int>();
        builder.Property(m => m.Text).IsEncrypted("protection-order.measure");
    }
}

public sealed class ProtectionOrderServiceConfiguration : IEntityTypeConfiguration<ProtectionOrderService>
{
    public void Configure(EntityTypeBuilder<ProtectionOrderService> builder)
    {
        builder.ToTable("protection_order_services");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}

public sealed class ProtectionOrderAmendmentConfiguration : IEntityTypeConfiguration<ProtectionOrderAmendment>
{
    public void Configure(EntityTypeBuilder<ProtectionOrderAmendment> builder)
    {
        builder.ToTable("protection_order_amendments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Reason).IsRequired().IsEncrypted("protection-order.amendment");
    }
}

public sealed class ProtectionOrderBreachConfiguration : IEntityTypeConfiguration<ProtectionOrderBreach>
{
    public void Configure(EntityTypeBuilder<ProtectionOrderBreach> builder)
    {
        builder.ToTable("protection_order_breaches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Ignore(b => b.IsAnswered);
        // Statistics count breaches and sanctions by when the court answered.
        builder.HasIndex(b => b.DecidedAt);
    }
}
