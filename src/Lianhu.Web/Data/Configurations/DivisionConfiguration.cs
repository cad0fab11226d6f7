using Lianhu.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class DivisionConfiguration : IEntityTypeConfiguration<Division>
{
    public void Configure(EntityTypeBuilder<Division> builder)
    {
        builder.ToTable("divisions");
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(12);
        builder.Property(d => d.Name).HasMaxLength(100).IsRequired();
        builder.Property(d => d.ParentCode).HasMaxLength(12);
        builder.Property(d => d.ScopePrefix).HasMaxLength(12).IsRequired();
        builder.HasIndex(d => d.ParentCode);
    }
}
