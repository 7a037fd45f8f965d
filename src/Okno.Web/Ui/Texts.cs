namespace Okno.Web.Ui;

/// <summary>The interface strings: Russian first, English second. A missing key shows itself, never crashes.</summary>
public sealed class Texts
{
    private static readonly Dictionary<string, (string Ru, string En)> All = new(StringComparer.Ordinal)
    {
        ["inbox"] = ("Входящие", "Inbox"), ["channels"] = ("Каналы", "Channels"), ["users"] = ("Сотрудники", "Users"),
        ["scripts"] = ("Скрипты", "Scripts"), ["reasons"] = ("Причины «не целевое»", "Not-target reasons"),
        ["sound"] = ("Звук и уведомления", "Sound and notifications"), ["account"] = ("Профиль", "Account"),
        ["tabMine"] = ("Мои", "Mine"), ["tabQueue"] = ("Очередь", "Queue"), ["tabAll"] = ("Все", "All"), ["tabHandedToMe"] = ("Переданные мне", "Handed to me"),
        ["statusActive"] = ("Открытые", "Open"), ["statusSnoozed"] = ("Отложенные", "Snoozed"), ["statusResolved"] = ("Закрытые", "Resolved"), ["statusAny"] = ("Все статусы", "Any status"),
        ["stOpen"] = ("Открыто", "Open"), ["stPending"] = ("Ожидает", "Pending"), ["stSnoozed"] = ("Отложено", "Snoozed"), ["stResolved"] = ("Закрыто", "Resolved"),
        ["allChannels"] = ("Все каналы", "All channels"), ["search"] = ("Поиск по имени, адресу и сообщениям", "Search names, addresses and messages"),
        ["noConversations"] = ("Здесь пока пусто", "Nothing here yet"), ["waiting"] = ("Ждёт ответа", "Waiting for a reply"),
        ["handedOff"] = ("Передано", "Handed off"), ["until"] = ("до", "until"),
        ["pickConversation"] = ("Выберите обращение слева", "Pick a conversation on the left"),
        ["keysHint"] = ("j/k или ↑/↓ — по списку, Enter — открыть, r — ответить, Ctrl+Enter — отправить, e — закрыть", "j/k or ↑/↓ to move, Enter to open, r to reply, Ctrl+Enter to send, e to resolve"),
        ["client"] = ("Клиент", "Client"), ["assignee"] = ("Ответственный", "Assignee"), ["unassigned"] = ("В очереди", "Unassigned"),
        ["target"] = ("Целевое", "Target"), ["notTarget"] = ("Не целевое", "Not target"),
        ["handedBy"] = ("Передано от", "Handed off by"), ["returnBy"] = ("вернуть до", "return by"), ["returnNow"] = ("Вернуть сейчас", "Return now"),
        ["pastConversation"] = ("Обращение", "Conversation"), ["messagesShort"] = ("сообщ.", "msgs"), ["notFound"] = ("Обращение не найдено или недоступно.", "Conversation not found or not available."),
        ["note"] = ("Заметка", "Note"), ["downloading"] = ("загружается…", "downloading…"), ["retry"] = ("Повторить", "Retry"),
        ["msgPending"] = ("отправляется", "sending"), ["msgSent"] = ("отправлено", "sent"), ["msgDelivered"] = ("доставлено", "delivered"),
        ["msgRead"] = ("прочитано", "read"), ["msgFailed"] = ("не отправлено", "failed"),
        ["take"] = ("Взять", "Take"), ["handOff"] = ("Передать", "Hand off"), ["reopen"] = ("Открыть снова", "Reopen"), ["resolve"] = ("Закрыть", "Resolve"),
        ["handOffTo"] = ("Кому", "To"), ["comment"] = ("Комментарий", "Comment"), ["returnByOptional"] = ("Вернуть до (необязательно)", "Return by (optional)"),
        ["tomorrow"] = ("завтра", "tomorrow"), ["cancel"] = ("Отмена", "Cancel"), ["assignTo"] = ("Назначить", "Assign"), ["toQueue"] = ("В очередь", "To the queue"),
        ["snooze"] = ("Отложить", "Snooze"), ["pickReason"] = ("Причина…", "Reason…"),
        ["roleAdmin"] = ("администратор", "admin"), ["roleSupervisor"] = ("руководитель", "supervisor"), ["roleOperator"] = ("оператор", "operator"), ["roleLawyer"] = ("юрист", "lawyer"),
        ["reply"] = ("Ответ", "Reply"), ["via"] = ("Через", "Via"), ["default"] = ("по умолчанию", "default"),
        ["noteHint"] = ("Видна только сотрудникам. @Имя — уведомить коллегу.", "Staff only. @Name notifies a colleague."),
        ["templateName"] = ("Шаблон: имя | параметр 1 | параметр 2", "Template: name | param 1 | param 2"),
        ["notePlaceholder"] = ("Внутренняя заметка…", "Internal note…"), ["replyPlaceholder"] = ("Напишите ответ клиенту…", "Write a reply…"),
        ["send"] = ("Отправить", "Send"), ["addNote"] = ("Добавить заметку", "Add note"),
        ["save"] = ("Сохранить", "Save"), ["rename"] = ("Переименовать", "Rename"), ["clientSince"] = ("Клиент с", "Client since"),
        ["identities"] = ("Адреса", "Identities"), ["phonesHidden"] = ("Номера телефонов скрыты для вашей роли.", "Phone numbers are hidden for your role."),
        ["conversations"] = ("Обращения", "Conversations"), ["merge"] = ("Объединить", "Merge"), ["otherContactId"] = ("№ другого клиента", "Other client's id"),
        ["merged"] = ("Клиенты объединены.", "Contacts merged."),
        ["inMessages"] = ("В сообщениях", "In messages"),
        ["possibleMatch"] = ("Возможное совпадение", "Possible match"),
        ["possibleMatchHint"] = ("Телефон или адрес указан без подтверждения: объедините, только если уверены, что это тот же клиент.",
            "The phone or address was given without verification: merge only if you are sure it is the same client."),
        ["signInTitle"] = ("Вход в Окно", "Sign in to Okno"), ["signInHint"] = ("Все обращения клиентов — в одном окне.", "Every client conversation in one window."),
        ["password"] = ("Пароль", "Password"), ["signIn"] = ("Войти", "Sign in"), ["signOut"] = ("Выйти", "Sign out"),
        ["changePassword"] = ("Сменить пароль", "Change password"), ["currentPassword"] = ("Текущий пароль", "Current password"),
        ["newPassword"] = ("Новый пароль", "New password"), ["passwordChanged"] = ("Пароль изменён.", "Password changed."),
        ["invite"] = ("Пригласить сотрудника", "Invite a colleague"), ["name"] = ("Имя", "Name"), ["role"] = ("Роль", "Role"), ["team"] = ("Команда", "Team"),
        ["create"] = ("Добавить", "Add"), ["deactivate"] = ("Отключить", "Deactivate"), ["activate"] = ("Включить", "Activate"),
        ["kind"] = ("Тип", "Kind"), ["status"] = ("Состояние", "Status"), ["copy"] = ("Копировать", "Copy"), ["edit"] = ("Изменить", "Edit"), ["delete"] = ("Удалить", "Delete"),
        ["addChannel"] = ("Подключить канал", "Connect a channel"), ["editChannel"] = ("Изменить канал", "Edit channel"), ["settings"] = ("Настройки", "Settings"),
        ["badJson"] = ("Настройки должны быть корректным JSON.", "Settings must be valid JSON."),
        ["chs_connected"] = ("подключён", "connected"), ["chs_needs_attention"] = ("требует внимания", "needs attention"),
        ["chs_blocked"] = ("заблокирован", "blocked"), ["chs_disconnected"] = ("отключён", "disconnected"),
        ["scriptsHint"] = ("Переменные: {client_name} — имя клиента, {operator_name} — имя оператора. В ответе наберите / для поиска.", "Variables: {client_name}, {operator_name}. Type / in the reply box to search."),
        ["title"] = ("Название", "Title"), ["text"] = ("Текст", "Text"),
        ["reasonsHint"] = ("Из этого списка оператор выбирает, почему обращение не целевое.", "Operators pick from this list why a request is not a target."),
        ["newReason"] = ("Новая причина", "New reason"),
        ["newRequest"] = ("Новое обращение", "New request"), ["newMessage"] = ("Новое сообщение", "New message"),
        ["labels"] = ("Метки", "Labels"), ["label"] = ("метка", "label"), ["clientNotes"] = ("Заметки о клиенте", "Notes about the client"),
        ["clientNotePlaceholder"] = ("Что важно знать о клиенте…", "What to know about this client…"),
        ["attach"] = ("Файл", "File"),
        ["tabHandedByMe"] = ("Переданные мной", "Handed by me"), ["handedTo"] = ("у", "with"),
        ["queueOrder"] = ("Сначала — кто ждёт дольше всех: по первому сообщению клиента, оставшемуся без ответа. №N — место в очереди отдела.", "Longest waiting first: by the client's first unanswered message. #N is the place in the team's queue."),
        ["handedByMeOrder"] = ("Что вы передали коллегам; первым — что вернётся раньше.", "What you handed to colleagues; due soonest first."),
        ["back"] = ("Назад", "Back"), ["toInbox"] = ("К обращениям", "To the inbox"), ["toConversation"] = ("К переписке", "To the conversation"),
        ["more"] = ("Ещё действия", "More actions"), ["close"] = ("Закрыть окно", "Close"), ["done"] = ("Готово", "Done"),
        ["watchesOne"] = ("смотрит это обращение", "is viewing this conversation"), ["watchesMany"] = ("смотрят это обращение", "are viewing this conversation"),
        ["resolveUnanswered"] = ("Клиенту ещё не ответили. Всё равно закрыть?", "The client has not been answered yet. Resolve anyway?"),
        ["newMessages"] = ("Новые сообщения", "New messages"),
        ["takeForce"] = ("Забрать", "Take over"), ["takeForceHint"] = ("Коллега получит уведомление, в истории останется запись.", "Your colleague is notified and the timeline records it."),
        ["resolvedToast"] = ("Закрыто", "Resolved"), ["undo"] = ("Отменить", "Undo"),
        ["scriptsChoose"] = ("выбрать", "choose"), ["scriptsInsert"] = ("вставить", "insert"), ["scriptsClose"] = ("закрыть", "close"),
        ["mergeWith"] = ("Объединить с другим клиентом…", "Merge with another client…"), ["mergeTitle"] = ("Объединить клиентов", "Merge clients"),
        ["mergeSearch"] = ("Имя, телефон или адрес другого клиента", "Other client's name, phone or address"),
        ["mergeExplain"] = ("Адреса, обращения, метки и заметки второго клиента перейдут к первому. Открытые обращения сольются в одно.", "The second client's addresses, conversations, labels and notes move to the first. Open conversations become one."),
        ["mergeStays"] = ("Остаётся", "Stays"), ["mergeJoins"] = ("Присоединяется", "Joins"), ["mergeConfirm"] = ("Объединить", "Merge"),
        ["mergeDone"] = ("Готово: «{0}» присоединён. Перенесено обращений — {1}, адресов — {2}, сообщений — {3}.", "Done: “{0}” joined. Moved {1} conversation(s), {2} address(es), {3} message(s)."),
        ["conversationsShort"] = ("обращ.", "conv."), ["nothingFound"] = ("Никого не нашли", "Nobody found"),
        ["notFoundTitle"] = ("Страница не найдена", "Page not found"), ["notFoundText"] = ("Такой страницы нет — возможно, ссылка устарела.", "There is no such page — the link may be out of date."),
        ["forbiddenTitle"] = ("Нет доступа", "No access"), ["forbiddenText"] = ("Эта страница открыта только администраторам. Если она нужна вам для работы, попросите администратора.", "This page is for administrators only. Ask an administrator if you need it."),
        ["kb"] = ("КБ", "KB"),
        ["now"] = ("сейчас", "now"), ["min"] = ("мин", "min"), ["h"] = ("ч", "h"), ["d"] = ("дн", "d"),
    };

    private static readonly Texts Ru = new(false), En = new(true);
    private readonly bool _en;

    private Texts(bool en) => _en = en;

    public static Texts For(string lang) => lang == "en" ? En : Ru;

    public bool English => _en;

    /// <summary>The title of an identity kind (Телефон / Phone …) in this language.</summary>
    public string Identity(Okno.Core.Contacts.IdentityKind kind) => ChannelBadge.Title(kind, _en);

    public string Identity(string wire) => ChannelBadge.Title(wire, _en);

    public string this[string key] => All.TryGetValue(key, out var t) || AdminTexts.All.TryGetValue(key, out t) || PrivacyTexts.All.TryGetValue(key, out t) ||
        DeskTexts.All.TryGetValue(key, out t) || QualityTexts.All.TryGetValue(key, out t) || SubjectTexts.All.TryGetValue(key, out t) ||
        SecurityTexts.All.TryGetValue(key, out t) || RulesTexts.All.TryGetValue(key, out t) ? (_en ? t.En : t.Ru) : key;
}
