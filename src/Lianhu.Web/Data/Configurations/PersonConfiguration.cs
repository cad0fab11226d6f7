using Lianhu.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

/// <summary>
/// Names, ID numbers, phones and birth dates are sealed; matching goes through the keyed-hash
/// index columns only, and candidates are decrypted in memory (ADR 0011).
/// </summary>
public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("persons");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).IsEncrypted("person.name");
        builder.Property(p => p.IdNumber).IsEncrypted("person.id-number");
        builder.Property(p => p.Phone).IsEncrypted("person.phone");
        builder.Property(p => p.BirthDate).IsEncrypted("person.birth-date");
        builder.Property(p => p.IdNumberIndex).HasMaxLength(64);
        builder.Property(p => p.PhoneIndex).HasMaxLength(64);
        builder.Property(p => p.BirthDateIndex).HasMaxLength(64);
        builder.Property(p => p.NameKeyIndex).HasMaxLength(64);
        builder.Property(p => p.MergeReason).HasMaxLength(40);
        builder.Ignore(p => p.IsRoot);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.IdNumberIndex);
        builder.HasIndex(p => p.PhoneIndex);
        builder.HasIndex(p => p.BirthDateIndex);
        builder.HasIndex(p => p.NameKeyIndex);
        builder.HasIndex(p => p.RootId);
        builder.HasIndex(p => p.MergedIntoId);
    }
}
