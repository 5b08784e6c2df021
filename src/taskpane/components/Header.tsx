/**
 * The pane's header: title, the rule in effect, and a menu with the language switch.
 */
import {
  Button,
  makeStyles,
  Menu,
  MenuGroup,
  MenuGroupHeader,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  tokens,
} from '@fluentui/react-components';
import { LocalLanguage20Regular, MoreVertical20Regular, TaskListLtr24Regular } from '@fluentui/react-icons';
import { useT, type Lang } from '../i18n';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  logo: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    width: '36px',
    height: '36px',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  rule: {
    color: tokens.colorNeutralForeground3,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
});

export interface HeaderProps {
  readonly ruleName: string;
}

export function Header({ ruleName }: HeaderProps) {
  const { t, lang, setLang } = useT();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <span className={styles.logo} aria-hidden>
        <TaskListLtr24Regular />
      </span>
      <div className={styles.titles}>
        <Text as="h1" size={400} weight="semibold" style={{ margin: 0 }}>
          {t('appTitle')}
        </Text>
        <Text size={200} className={styles.rule} title={ruleName}>
          {t('activeRule', { name: ruleName })}
        </Text>
      </div>
      <Menu
        checkedValues={{ lang: [lang] }}
        onCheckedValueChange={(_, data) => {
          const next = data.checkedItems[0];
          if (next === 'ja' || next === 'en') setLang(next as Lang);
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          <Button appearance="subtle" icon={<MoreVertical20Regular />} aria-label={t('menu')} />
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuGroup>
              <MenuGroupHeader>
                <LocalLanguage20Regular aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
                {t('language')}
              </MenuGroupHeader>
              <MenuItemRadio name="lang" value="ja" lang="ja">
                {t('langJa')}
              </MenuItemRadio>
              <MenuItemRadio name="lang" value="en" lang="en">
                {t('langEn')}
              </MenuItemRadio>
            </MenuGroup>
          </MenuList>
        </MenuPopover>
      </Menu>
    </header>
  );
}
