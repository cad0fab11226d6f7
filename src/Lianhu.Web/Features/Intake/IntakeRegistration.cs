using Lianhu.Domain.People;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Persons;

namespace Lianhu.Web.Features.Intake;

/// <summary>Services of intake, the person index, history and the timeline (kept here so the shared registration file changes by one line).</summary>
public static class IntakeRegistration
{
    public static IServiceCollection AddLianhuIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IntakeOptions>(configuration.GetSection(IntakeOptions.Section));
        services.AddSingleton<DirectoryCache>();
        // ICU is loaded on first use; without it person matching fails loudly (ADR 0007).
        services.AddSingleton<IPinyinReader, IcuPinyinReader>();
        services.AddSingleton(sp => new PersonNameMatcher(sp.GetRequiredService<IPinyinReader>()));
        services.AddSingleton<PersonIndexer>();
        services.AddScoped<IntakeValidator>();
        services.AddScoped<PersonLinker>();
        services.AddScoped<PersonAccess>();
        services.AddScoped<PersonLookup>();
        services.AddScoped<PersonTimeline>();
        services.AddScoped<RepeatAlarms>();
        services.AddScoped<CaseTimeline>();
        services.AddScoped<IdempotencyStore>();
        services.AddSingleton<OpenCase.AnswerWriter>();
        services.AddScoped<EditCase.Handler>();
        services.AddScoped<GetCaseHistory.Handler>();
        services.AddScoped<GetCaseTimeline.Handler>();
        services.AddScoped<TimelineSources>();
        services.AddScoped<ListReports.Handler>();
        services.AddScoped<PersonSuggestions.Handler>();
        services.AddScoped<MergePerson.Handler>();
        services.AddScoped<UnmergePerson.Handler>();
        services.AddHostedService<IdempotencyPurge>();
        return services;
    }
}

/// <summary>The endpoints of intake, the person index, history and the timeline.</summary>
public static class IntakeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        EditCase.Map(api);
        GetCaseHistory.Map(api);
        GetCaseTimeline.Map(api);
        ListReports.Map(api);
        PersonSuggestions.Map(api);
        MergePerson.Map(api);
        UnmergePerson.Map(api);
    }
}
