namespace Lianhu.Domain.Tests.People;

/// <summary>
/// An independent, deliberately plain transcription of GB 11643's check character, so tests do
/// not grade the production algorithm with itself.
/// </summary>
internal static class ReferenceCheckCharacter
{
    public static char Compute(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        char[] map = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * weights[i];
        }

        return map[sum % 11];
    }
}
