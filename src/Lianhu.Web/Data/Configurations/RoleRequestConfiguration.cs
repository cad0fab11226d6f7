using Lianhu.Domain.Access;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class RoleRequestConfiguration : IEntityTypeConfiguration<RoleRequest>
{
    public void Configure(EntityTypeBuilder<RoleRequest> builder)
    {
        builder.ToTable("role_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Roles).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Status).HasMaxLength(20).IsRequired();
        builder.Ignore(r => r.RoleList);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.UserId, r.Status });
        builder.HasIndex(r => new { r.Status, r.RequestedAt });
    }
}
