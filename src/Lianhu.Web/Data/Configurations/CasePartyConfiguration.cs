using Lianhu.Domain.Cases;
using Lianhu.Domain.Intake;
using Lianhu.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>
{
    public void Configure(EntityTypeBuilder<CaseParty> builder)
    {
        builder.ToTable("case_parties");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        // A disability is health data (PIPL Art 28 sensitive personal information).
        builder.Property(p => p.Disability).IsEncrypted("party.disability");
        builder.HasIndex(p => p.CaseId);
        builder.HasIndex(p => p.PersonId);
    }
}
