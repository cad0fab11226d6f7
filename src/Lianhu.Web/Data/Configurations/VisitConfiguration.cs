using Lianhu.Domain.Cases;
using Lianhu.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.ToTable("visits");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Note).IsEncrypted("visit.note");
        builder.HasOne<Case>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.CaseId, v.VisitedAt });
    }
}
