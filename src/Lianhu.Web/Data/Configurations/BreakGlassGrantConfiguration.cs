using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class BreakGlassGrantConfiguration : IEntityTypeConfiguration<BreakGlassGrant>
{
    public void Configure(EntityTypeBuilder<BreakGlassGrant> builder)
    {
        builder.ToTable("break_glass_grants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Reason).IsRequired().IsEncrypted("break-glass.reason");
        builder.HasOne<Case>().WithMany().HasForeignKey(g => g.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.UserId, g.ExpiresAt });
        builder.HasIndex(g => g.CaseId);
    }
}
