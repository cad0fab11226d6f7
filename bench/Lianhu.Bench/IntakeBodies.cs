using System.Globalization;
using System.Text.Json;

namespace Lianhu.Bench;

/// <summary>
/// Realistic intake bodies: a 110 alarm with three parties (victim with ID and phone, respondent
/// with ID, a child with a birth date), an address and the intake facts. Every body is new people,
/// so no two intakes link (the write path, not the attach path, is measured).
/// </summary>
public sealed class IntakeBodies(string community)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] Given = ["芳", "伟", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "小红", "建国"];
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public byte[] Next()
    {
        var random = Random.Shared;
        var body = new
        {
            channel = "police-110",
            summary = "夜间邻居报警：男方酒后推搡女方并摔砸物品，女方手臂有淤青，孩子在场哭闹，民警到场后双方已分开。",
            divisionCode = community,
            occurredAt = DateTimeOffset.UtcNow.AddMinutes(-random.Next(10, 600)),
            address = $"宝安区新安街道{random.Next(1, 300)}号{random.Next(1, 30)}栋{random.Next(101, 3300)}",
            parties = new object[]
            {
                new { role = "victim", name = Name(random), idNumber = IdNumber(random, female: true), phone = Mobile(random) },
                new { role = "respondent", name = Name(random), idNumber = IdNumber(random, female: false) },
                new { role = "child", name = Name(random), birthDate = new DateOnly(2012, 1, 1).AddDays(random.Next(0, 3000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            },
            relationship = "spouse",
            violenceForms = new[] { "physical", "psychological" },
            injuries = "左臂淤青",
            weapons = false,
            childrenPresent = true,
            needs = new[] { "shelter", "counselling" },
            consentGiven = true,
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    public static string Name(Random random) => Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];

    public static string Mobile(Random random) => $"1{random.Next(3, 10)}{random.Next(0, 10)}{random.Next(10000000, 99999999)}";

    /// <summary>A resident ID with a correct GB 11643 check character and a random birth date and sequence.</summary>
    public static string IdNumber(Random random, bool female)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 50));
        var sequence = random.Next(0, 500) * 2 + (female ? 0 : 1);
        var first17 = $"440306{birth:yyyyMMdd}{sequence:D3}";
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return first17 + "10X98765432"[sum % 11];
    }
}
