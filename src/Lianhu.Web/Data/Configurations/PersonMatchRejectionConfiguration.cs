using Lianhu.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class PersonMatchRejectionConfiguration : IEntityTypeConfiguration<PersonMatchRejection>
{
    public void Configure(EntityTypeBuilder<PersonMatchRejection> builder)
    {
        builder.ToTable("person_match_rejections");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.OtherPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PersonId, r.OtherPersonId }).IsUnique();
        builder.HasIndex(r => r.OtherPersonId);
    }
}
