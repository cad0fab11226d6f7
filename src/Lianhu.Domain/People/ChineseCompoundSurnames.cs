namespace Lianhu.Domain.People;

/// <summary>
/// Two-character (复姓) surnames, from the classical 百家姓 list plus 拓跋. Characters only —
/// their pinyin comes from ICU like every other reading. A name is split after a compound
/// surname *as well as* after its first character, so a generous list costs no recall.
/// </summary>
public static class ChineseCompoundSurnames
{
    public static IReadOnlySet<string> Common { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "令狐", "慕容", "夏侯",
        "端木", "公孙", "尉迟", "长孙", "宇文", "轩辕", "钟离", "闻人", "澹台", "公冶",
        "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "仲孙", "鲜于", "闾丘", "司空",
        "亓官", "司寇", "子车", "颛孙", "巫马", "公西", "漆雕", "乐正", "壤驷", "公良",
        "拓跋", "夹谷", "宰父", "谷梁", "段干", "百里", "东郭", "南门", "呼延", "羊舌",
        "微生", "梁丘", "左丘", "东门", "西门", "南宫", "第五", "公羊", "万俟", "赫连",
    };
}
