using Lianhu.Domain.Instruments;
using Lianhu.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

/// <summary>Immutable rows keyed by (instrument, version); see ADR 0008.</summary>
public sealed class InstrumentVersionConfiguration : IEntityTypeConfiguration<InstrumentVersion>
{
    public const int InstrumentIdMaxLength = 60;

    public void Configure(EntityTypeBuilder<InstrumentVersion> builder)
    {
        builder.ToTable("instrument_versions");
        builder.HasKey(v => new { v.InstrumentId, v.Version });
        builder.Property(v => v.InstrumentId).HasMaxLength(InstrumentIdMaxLength);
        builder.Property(v => v.Version).ValueGeneratedNever();
        builder.Property(v => v.DefinitionJson).IsRequired();
        builder.HasOne<Agency>().WithMany().HasForeignKey(v => v.PublishedByAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
