using Okno.Web.Rules.Actions;

namespace Okno.Web.Rules;

/// <summary>The rules engine (docs/decisions/0029): the API, the recorder fed by the live-event stream, the worker, the time scheduler, the actions.</summary>
public static class RulesSetup
{
    public static void AddRules(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<RuleAdmin>();
        s.AddScoped<RuleRunner>();
        s.AddScoped<ConversationEffects>();
        s.AddSingleton<RuleSignal>();
        s.AddSingleton<RuleRecorder>();
        s.AddHostedService(sp => sp.GetRequiredService<RuleRecorder>());
        s.AddSingleton<RuleWorker>();
        s.AddHostedService(sp => sp.GetRequiredService<RuleWorker>());
        s.AddScoped<RuleScheduler>();
        s.AddHostedService<RuleSchedulerLoop>();
        // The actions: one class per type (IRuleAction); the intake bot adds start_bot the same way.
        s.AddScoped<IRuleAction, AssignTeamAction>();
        s.AddScoped<IRuleAction, AssignUserAction>();
        s.AddScoped<IRuleAction, AddLabelAction>();
        s.AddScoped<IRuleAction, RemoveLabelAction>();
        s.AddScoped<IRuleAction, ReplyAction>();
        s.AddScoped<IRuleAction, SendTemplateAction>();
        s.AddScoped<IRuleAction, NoteAction>();
        s.AddScoped<IRuleAction, NotifyAction>();
        s.AddScoped<IRuleAction, SnoozeAction>();
        s.AddScoped<IRuleAction, ResolveAction>();
        s.AddScoped<IRuleAction, WebhookAction>();
    }
}
