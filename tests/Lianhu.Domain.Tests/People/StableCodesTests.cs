using Lianhu.Domain.People;

namespace Lianhu.Domain.Tests.People;

/// <summary>Codes are stored, mapped to messages and read by other systems: pin their spelling.</summary>
public class StableCodesTests
{
    [Fact]
    public void ResidentIdErrorCodes_AreStable() =>
        new[]
        {
            ResidentIdErrorCodes.Length, ResidentIdErrorCodes.Characters, ResidentIdErrorCodes.Area,
            ResidentIdErrorCodes.BirthDate, ResidentIdErrorCodes.CheckDigit,
        }.ShouldBe(["id.length", "id.characters", "id.area", "id.birth-date", "id.check-digit"]);

    [Fact]
    public void PhoneErrorCodes_AreStable() =>
        new[] { PhoneErrorCodes.Characters, PhoneErrorCodes.Length, PhoneErrorCodes.Prefix }
            .ShouldBe(["phone.characters", "phone.length", "phone.prefix"]);

    [Fact]
    public void NameMatchReasons_AreStable() =>
        new[]
        {
            NameMatchReasons.Exact, NameMatchReasons.Variant, NameMatchReasons.Homophone,
            NameMatchReasons.PinyinNear, NameMatchReasons.Latin, NameMatchReasons.HanLatin,
            NameMatchReasons.OrderSwapped, NameMatchReasons.Different, NameMatchReasons.Missing,
            NameMatchReasons.SameBirthDate, NameMatchReasons.DifferentBirthDate,
            NameMatchReasons.UnknownBirthDate, NameMatchReasons.DifferentSex,
        }.ShouldBe(
        [
            "name.exact", "name.variant", "name.homophone", "name.pinyin-near", "name.latin",
            "name.han-latin", "name.order-swapped", "name.different", "name.missing",
            "birth-date.same", "birth-date.different", "birth-date.unknown", "sex.different",
        ]);
}
