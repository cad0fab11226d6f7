using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Lianhu.Domain.Access;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Identity;
using Lianhu.Web.Localization;
using Lianhu.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Lianhu.Web.Hosting;

/// <summary>Registers everything the service needs; the one place to look for "where does X come from".</summary>
public static class LianhuServices
{
    public const string SmartScheme = "lianhu";

    public static IServiceCollection AddLianhu(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddLianhuDatabase();
        services.AddSingleton(sp => new DateDisplay(DateDisplay.ResolveZone(sp.GetRequiredService<IConfiguration>()["Lianhu:TimeZone"])));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddTransient<IStringLocalizer>(_ => new JsonStringLocalizer());

        services.AddDataProtection().SetApplicationName("lianhu");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o =>
            {
                o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>());
                o.XmlEncryptor = new FieldCipherXmlEncryptor(sp.GetRequiredService<FieldCipher>());
            }));
        services.AddLianhuIdentity(configuration);
        services.AddLianhuRateLimits(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUserAccessor>();
        services.AddSingleton<SessionGuard>();
        services.AddSingleton<UnknownNameLockout>();
        services.AddScoped<PasswordCheck>();

        // ASP.NET's request-start/finish lines carry the raw query string, which could carry personal
        // data; they are off whatever the configuration says (ids-only logging, house style 13).
        services.PostConfigure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(null, "Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None, null)));
        services.AddProblemDetails();
        services.AddExceptionHandler<LianhuExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(o => o.CreateSchemaReferenceId = OpenApiSchemaIds.For);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddRazorComponents();
        // Chinese text goes out as characters, not as &#x...; entities (smaller pages, readable source).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddScoped<RoleSeeder>();
        services.AddScoped<Steps.CaseGate>();
        services.AddScoped<Steps.CaseEvents>();

        // Every feature registers its own use cases, listeners and startup steps (Hosting/FeatureModule).
        foreach (var module in FeatureModules.All)
        {
            module.AddServices(services, configuration);
        }

        return services;
    }

    private static void AddLianhuIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie for pages, bearer token for the API and for API clients of the hubs", o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Path.StartsWithSegments("/api") || HubBearer.Carries(ctx.Request)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(configuration.GetValue("Lianhu:Auth:TokenMinutes", 60));
                o.Events.OnMessageReceived = HubBearer.FromQuery;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/forbidden";
                o.Cookie.Name = "lianhu.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Lianhu:Auth:IdleMinutes", 30));
                o.SlidingExpiration = true;
            }));
        // After the bearer scheme's own post-configuration, which creates the protector this wraps.
        services.AddSingleton<IPostConfigureOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>, CachedTicketFormat.Install>();

        services.AddOptions<IdentityOptions>().Configure<IConfiguration>((o, config) =>
        {
            o.Lockout.MaxFailedAccessAttempts = config.GetValue("Lianhu:Auth:MaxFailedAttempts", 5);
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(config.GetValue("Lianhu:Auth:LockoutMinutes", 15));
        });
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<StaffRole>()
            .AddEntityFrameworkStores<LianhuDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireClaim(LianhuClaims.AgencyId))
            .AddPolicy(Policies.Sysadmin, p => p.RequireAuthenticatedUser().RequireRole("sysadmin"))
            .AddPolicy(Policies.Auditor, p => p.RequireAuthenticatedUser().RequireRole("auditor"));
    }
}

public static class Policies
{
    public const string Staff = "staff";
    public const string Sysadmin = "sysadmin";
    public const string Auditor = "auditor";
}
