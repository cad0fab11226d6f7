using System.Text;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Infrastructure;

/// <summary>Every column of every table of a test host's database as text, to prove a secret is nowhere in clear.</summary>
public static class DatabaseText
{
    public static async Task<string> AllAsync(LianhuFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = factory.Provider == "sqlite"
                ? "SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table'"
                : "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var text = new StringBuilder();
        foreach (var (table, column) in columns)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.Append(reader.IsDBNull(0) ? string.Empty : reader.GetString(0)).Append('\n');
            }
        }

        return text.ToString();
    }
}
