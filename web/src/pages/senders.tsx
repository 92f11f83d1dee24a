import { api, unwrap, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ErrorPanel, Loading } from '../ui/alerts';
import { Localized } from '../ui/localized';
import { Page } from '../ui/page';
import { useResource } from '../ui/use-resource';

type Sender = Schemas['Sender'];
const LEVELS = ['FEDERAL', 'REGIONAL', 'COMMUNITY', 'LOCAL'] as const;

/** The institutions, by level of government, each with its document types and how long they stay. */
export function Senders() {
  const { t, text, lang } = useI18n();
  const [senders, reload] = useResource(async () => (await unwrap(api.GET('/v1/senders'))).items, []);
  const byName = (a: Sender, b: Sender) => text(a.name).text.localeCompare(text(b.name).text, lang);
  return (
    <Page title={t.senders.title} intro={t.senders.intro}>
      {senders.state === 'loading' ? <Loading /> : null}
      {senders.state === 'failed' ? <ErrorPanel error={senders.error} retry={reload} /> : null}
      {senders.state === 'ready' && senders.data.length === 0 ? <p class="empty">{t.senders.none}</p> : null}
      {senders.state === 'ready'
        ? LEVELS.map((level) => {
            const group = senders.data.filter((sender) => sender.level === level).sort(byName);
            if (!group.length) return null;
            return (
              <section key={level} aria-labelledby={`level-${level}`}>
                <h2 id={`level-${level}`}>{t.senders.levels[level]}</h2>
                <ul class="cards">
                  {group.map((sender) => (
                    <li class="card" key={sender.senderId}>
                      <h3>
                        <Localized value={sender.name} />
                      </h3>
                      {sender.acceptsMessages ? <p class="badge role">{t.senders.acceptsMessages}</p> : null}
                      <table>
                        <caption class="visually-hidden">
                          <Localized value={sender.name} />
                        </caption>
                        <thead>
                          <tr>
                            <th scope="col">{t.senders.documentType}</th>
                            <th scope="col">{t.senders.availableFor}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {sender.documentTypes.map((type) => (
                            <tr key={type.code}>
                              <td>
                                <Localized value={type.name} />
                              </td>
                              <td>{t.senders.days(type.validityDays)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        : null}
    </Page>
  );
}
